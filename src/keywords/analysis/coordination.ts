import type { Candidate } from './candidate';
import { Taxonomy } from './taxonomy';
import { keyOf, Token } from './tokenizer';

/**
 * Coordinated multi-word skills share their last words: "unit and integration testing" names
 * Unit Testing too, "front-end and back-end development" names Front-End Development, "written
 * and verbal communication" names Communication. For a multi-word match, the unmatched word
 * (or hyphenated word) before an `and`, `or`, comma or slash is tried with the match's tail;
 * the step repeats leftwards for lists ("unit, integration and end-to-end testing"). With a
 * longer match, shorter tails are tried too: "short-circuit, coordination and arc flash studies"
 * names Coordination Studies and Short-Circuit Studies through the tail "studies".
 */
export function expandCoordinations(tokens: Token[], matches: Candidate[], taxonomy: Taxonomy): Candidate[] {
  const covered = new Set(matches.flatMap((m) => range(m.from, m.to)));
  const added: Candidate[] = [];
  for (const match of matches) {
    const groups = wordGroups(tokens, match.from, match.to);
    if (groups.length < 2 || match.alias.exact !== null) continue;
    // longest tail first: "arc flash studies" offers "flash studies", then "studies"
    let tails = groups.slice(1).map(([start]) => keyOf(tokens.slice(start, match.to)));
    let right = match.from;
    for (;;) {
      const head = headBefore(tokens, right, covered);
      if (!head) break;
      const headKey = keyOf(tokens.slice(head[0], head[1]));
      const tail = tails.find((t) => taxonomy.aliases.get(`${headKey} ${t}`)?.exact === null);
      const alias = tail === undefined ? undefined : taxonomy.aliases.get(`${headKey} ${tail}`);
      if (!alias || tail === undefined) break;
      added.push({ alias, from: head[0], to: head[1] });
      tails = [tail];
      right = head[0];
    }
  }
  return [...matches, ...added];
}

/** Runs of tokens joined by hyphens inside [from, to), as [start, end) index pairs. */
function wordGroups(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    if (i > from && tokens[i].gapBefore === 'hyphen') groups[groups.length - 1][1] = i + 1;
    else groups.push([i, i + 1]);
  }
  return groups;
}

/** The uncovered word group just before a conjunction or list separator that precedes `index`. */
function headBefore(tokens: Token[], index: number, covered: Set<number>): [number, number] | null {
  let end = index;
  const before = tokens[index]?.gapBefore;
  if (before === 'list' || before === 'slash') {
    // "unit, integration testing" / "unit/integration testing"
  } else if (before === 'space' && ['and', 'or'].includes(tokens[index - 1]?.key) && tokens[index - 1].gapBefore !== 'stop') {
    end = index - 1;
    if (tokens[end].gapBefore !== 'space' && tokens[end].gapBefore !== 'list') return null;
  } else {
    return null;
  }
  let start = end - 1;
  if (start < 0 || covered.has(start)) return null;
  while (start > 0 && tokens[start].gapBefore === 'hyphen' && !covered.has(start - 1)) start--;
  return [start, end];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
