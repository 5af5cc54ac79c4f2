import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fonts embedded in every PDF, read from their npm packages (never from git): Noto Sans for
 * Latin, Greek and Cyrillic, Noto Sans CJK SC ("Hans") for Chinese, Japanese and Korean. Both
 * are under the SIL Open Font License 1.1. pdfkit embeds only the glyphs used, with a
 * ToUnicode map, so extracted text gives back the same characters.
 */
export type FontFace = 'latin' | 'latinBold' | 'cjk' | 'cjkBold';

const files: Record<FontFace, [pkg: string, file: string]> = {
  latin: ['@embedpdf/fonts-latin', 'NotoSans-Regular.ttf'],
  latinBold: ['@embedpdf/fonts-latin', 'NotoSans-Bold.ttf'],
  cjk: ['@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf'],
  cjkBold: ['@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf'],
};

const cache = new Map<FontFace, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let bytes = cache.get(face);
  if (!bytes) {
    const [pkg, file] = files[face];
    // The packages export only dist/index; their fonts/ folder sits beside dist/.
    bytes = readFileSync(join(dirname(require.resolve(pkg)), '..', 'fonts', file));
    cache.set(face, bytes);
  }
  return bytes;
}
