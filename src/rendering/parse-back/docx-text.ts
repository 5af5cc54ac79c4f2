import { strFromU8, unzipSync } from 'fflate';

/**
 * The paragraphs of a DOCX body, as a reader of word/document.xml gets them: each `<w:p>`'s runs
 * of text (`<w:t>`) joined, tabs and breaks as spaces, entities decoded.
 */
export function extractDocxText(docx: Buffer): string[] {
  const files = unzipSync(new Uint8Array(docx), { filter: (file) => file.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('the DOCX has no word/document.xml');
  return [...strFromU8(xml).matchAll(/<w:p(?:\s[^>]*[^/])?>(.*?)<\/w:p>/gs)].map(([, paragraph]) =>
    [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>/g)].map((m) => (m[1] === undefined ? ' ' : decode(m[1]))).join(''),
  );
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}
