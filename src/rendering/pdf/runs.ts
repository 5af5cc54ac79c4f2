/** Han, kana, Hangul and CJK punctuation and full-width forms: drawn with the CJK font. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

export type Script = 'latin' | 'cjk';
export interface Run { text: string; script: Script }

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/**
 * Splits text into runs of one script each, so each run is drawn with a font that has its
 * glyphs. A space belongs to the run after it: a space at the end of a drawn run is dropped by
 * text extractors, one at the start is kept.
 */
export function scriptRuns(text: string): Run[] {
  const chars = [...text];
  const scripts: Script[] = chars.map((c) => (isCjk(c) ? 'cjk' : 'latin'));
  for (let i = chars.length - 2; i >= 0; i--) if (chars[i] === ' ') scripts[i] = scripts[i + 1];
  const runs: Run[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    if (last && last.script === scripts[i]) last.text += char;
    else runs.push({ text: char, script: scripts[i] });
  });
  return runs;
}
