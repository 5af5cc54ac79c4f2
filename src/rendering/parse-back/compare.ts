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

/** At most this many places are tried for one text (a date may recur on every item). */
const MAX_OCCURRENCES = 10_000;

/**
 * Which expected texts an extraction gives back in order. The longest chain of texts found one
 * after another (each at one of its occurrences) counts as in order; a text found only elsewhere
 * is `out_of_order`, one found nowhere `missing`. The longest chain makes one moved section cost
 * that section only, not everything after it.
 */
export function compareInOrder(extracted: string, expected: Expected[]): { in_order: number; issues: ParseBackIssue[] } {
  const text = normalise(extracted);
  const places = expected.map((e) => occurrences(text, normalise(e.text)));
  const inChain = longestChain(places, text.length);
  const issues = expected.flatMap((e, i): ParseBackIssue[] => {
    if (inChain.has(i)) return [];
    return [{ path: e.path, problem: places[i].length === 0 ? 'missing' : 'out_of_order' }];
  });
  return { in_order: inChain.size, issues };
}

interface Place { start: number; end: number }
interface Step { length: number; text: number; before: Step | null }

/**
 * The texts (by index) of the longest chain that picks at most one place per text, each place
 * ending before the next one starts, in the texts' order. A Fenwick tree over end positions holds
 * the longest chain ending at or before each position: O(places × log length).
 */
function longestChain(places: Place[][], length: number): Set<number> {
  const tree: (Step | null)[] = new Array<Step | null>(length + 2).fill(null);
  const longest = (position: number): Step | null => {
    let best: Step | null = null;
    for (let i = position + 1; i > 0; i -= i & -i) if (tree[i] && (!best || tree[i]!.length > best.length)) best = tree[i];
    return best;
  };
  const record = (position: number, step: Step) => {
    for (let i = position + 1; i < tree.length; i += i & -i) if (!tree[i] || tree[i]!.length < step.length) tree[i] = step;
  };
  let best: Step | null = null;
  for (let text = 0; text < places.length; text++) {
    // All places of one text are looked up before any is recorded, so a text never follows itself.
    const steps = places[text].map((spot) => {
      const before = longest(spot.start);
      return { spot, step: { length: (before?.length ?? 0) + 1, text, before } };
    });
    for (const { spot, step } of steps) {
      record(spot.end, step);
      if (!best || step.length > best.length) best = step;
    }
  }
  const chain = new Set<number>();
  for (let step: Step | null = best; step; step = step.before) chain.add(step.text);
  return chain;
}

function occurrences(text: string, needle: string): Place[] {
  const found: Place[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(needle, at + 1)) found.push({ start: at, end: at + needle.length });
  return found;
}
