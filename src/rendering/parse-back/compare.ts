import type { ParseBackIssue } from '../../../contracts/generations/parse-back';
import type { Expected } from './expected';

/**
 * Extractors differ in where they put spaces and line breaks (a wrapped title, a CJK run), and a
 * PDF's bullet glyph comes back as text; none of that is a lost word. Invisible format characters
 * (a soft hyphen, a zero-width space) are not drawn, so not read back either. So both sides are
 * compared in NFKC (a ligature is its letters) without whitespace, bullets or format characters.
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{Cf}•]+/gu, '');
}

/** At most this many places are tried for one text (a date range may recur). */
const MAX_OCCURRENCES = 50;

/**
 * Which expected texts an extraction gives back in order. The longest chain of texts found one
 * after another (each at one of its occurrences) counts as in order; a text found only elsewhere
 * is `out_of_order`, one found nowhere `missing`. The longest chain makes one moved section cost
 * that section only, not everything after it.
 */
export function compareInOrder(extracted: string, expected: Expected[]): { in_order: number; issues: ParseBackIssue[] } {
  const text = normalise(extracted);
  const places = expected.map((e) => occurrences(text, normalise(e.text)));
  // chain[i][k]: the longest in-order chain that ends with text i at its k-th place, and the step before it.
  const chain = places.map((spots) => spots.map(() => ({ length: 1, before: null as [number, number] | null })));
  let best: [number, number] | null = null;
  for (let i = 0; i < places.length; i++) {
    places[i].forEach((spot, k) => {
      for (let j = 0; j < i; j++) {
        places[j].forEach((earlier, m) => {
          if (earlier.end <= spot.start && chain[j][m].length + 1 > chain[i][k].length) chain[i][k] = { length: chain[j][m].length + 1, before: [j, m] };
        });
      }
      if (!best || chain[i][k].length > chain[best[0]][best[1]].length) best = [i, k];
    });
  }
  const inChain = new Set<number>();
  for (let step: [number, number] | null = best; step; step = chain[step[0]][step[1]].before) inChain.add(step[0]);
  const issues = expected.flatMap((e, i): ParseBackIssue[] => {
    if (inChain.has(i)) return [];
    return [{ path: e.path, problem: places[i].length === 0 ? 'missing' : 'out_of_order' }];
  });
  return { in_order: inChain.size, issues };
}

function occurrences(text: string, needle: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(needle, at + 1)) found.push({ start: at, end: at + needle.length });
  return found;
}
