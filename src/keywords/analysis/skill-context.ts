import type { Candidate } from './candidate';
import { Token } from './tokenizer';

/**
 * When an ambiguous spelling counts as a skill.
 *
 * Spellings such as `Go`, `R`, `C`, `Swift`, `Spring` or `Excel` are also ordinary words. By the
 * time they get here they already have the exact case of the taxonomy entry (`Go`, never `go`)
 * and are whole tokens (never inside `Google`, `R&D` or `JavaScript`). They are then accepted when
 * 1. they are not hyphenated to another word (`C-level`, `Go-to-market`), except for a few
 *    suffixes that keep the skill's meaning (`Go-based`), and
 * 2. they stand in a skill context:
 *    - a list neighbour is an accepted skill: only `and`, `or`, `as well as`, `e.g.`, `ideally`,
 *      level words (`basic`, `advanced`), commas, slashes or brackets lie between them
 *      (`Python or R`, `C/C++`, `Go, Rust`, `POS systems and basic Excel`), or
 *    - the word before is a skill cue (`in Go`, `with R`, `using Spring`, `of Swift`, `solid Excel`), or
 *    - the word after is one (`Go services`, `R programming`, `Excel skills`), or
 *    - it stands alone in brackets (`Senior Engineer (Go)`).
 * Acceptance spreads along a list, so `Go, R and Python` accepts all three.
 */

const CUE_BEFORE = new Set([
  'in', 'with', 'using', 'of', 'write', 'writing', 'written', 'language', 'languages', 'including', 'like', 'eg', 'as',
  'knowledge', 'proficient', 'advanced', 'intermediate', 'basic', 'solid', 'strong', 'good', 'expert',
]);
const CUE_AFTER = new Set([
  'programming', 'language', 'developer', 'engineer', 'engineering', 'code', 'codebase', 'service',
  'microservice', 'backend', 'experience', 'skill', 'development', 'module', 'library', 'ecosystem',
  'toolchain', 'runtime', 'script', 'scripting', 'application', 'app', 'program', 'expertise',
  'proficiency', 'knowledge', 'project', 'stack', 'framework', 'package', 'model', 'modeling', 'job',
  'cluster', 'analyst', 'administrator', 'consultant', 'specialist', 'architect', 'programmer',
]);
const HYPHEN_SUFFIXES = new Set(['based', 'powered', 'native', 'first']);
const CONNECTORS = new Set([
  'and', 'or', 'as', 'well', 'eg', 'ie', 'also', 'plus', 'ideally', 'preferably', 'especially', 'particularly',
  'including', 'even', 'basic', 'intermediate', 'advanced', 'strong', 'solid', 'modern',
]);
const MAX_CONNECTORS = 3;

/** The candidates that name a skill: unambiguous ones, and ambiguous ones in a skill context. */
export function acceptInContext(text: string, tokens: Token[], candidates: Candidate[]): Candidate[] {
  const skills = candidates.filter((c) => c.alias.skill !== null && !(c.alias.exact !== null && hyphenated(tokens, c)));
  const accepted = new Set(skills.filter((c) => c.alias.exact === null || hasCueWord(tokens, c) || bracketedAlone(text, tokens, c)));
  const neighbours = listNeighbours(tokens, skills);
  const queue = [...accepted];
  for (let current = queue.pop(); current; current = queue.pop()) {
    for (const next of neighbours.get(current) ?? []) {
      if (!accepted.has(next)) {
        accepted.add(next);
        queue.push(next);
      }
    }
  }
  return candidates.filter((c) => accepted.has(c));
}

function hyphenated(tokens: Token[], c: Candidate): boolean {
  const next = tokens[c.to];
  const before = tokens[c.from].gapBefore === 'hyphen';
  const after = next?.gapBefore === 'hyphen' && !HYPHEN_SUFFIXES.has(next.key);
  return before || after;
}

function hasCueWord(tokens: Token[], c: Candidate): boolean {
  const previous = tokens[c.from - 1];
  const next = tokens[c.to];
  const cueBefore = previous !== undefined && tokens[c.from].gapBefore === 'space' && CUE_BEFORE.has(previous.key);
  const cueAfter = next !== undefined && next.gapBefore === 'space' && CUE_AFTER.has(next.key);
  return cueBefore || cueAfter;
}

function bracketedAlone(text: string, tokens: Token[], c: Candidate): boolean {
  const before = text.slice(tokens[c.from - 1]?.end ?? 0, tokens[c.from].start);
  const after = text.slice(tokens[c.to - 1].end, tokens[c.to]?.start ?? text.length);
  return /\(\s*$/.test(before) && /^\s*\)/.test(after);
}

/** For each candidate, the candidates next to it in a list (in both directions). */
function listNeighbours(tokens: Token[], candidates: Candidate[]): Map<Candidate, Candidate[]> {
  const starts = new Map(candidates.map((c) => [c.from, c]));
  const neighbours = new Map<Candidate, Candidate[]>(candidates.map((c) => [c, []]));
  for (const c of candidates) {
    const right = starts.get(skipConnectors(tokens, c.to));
    if (right) {
      neighbours.get(c)?.push(right);
      neighbours.get(right)?.push(c);
    }
  }
  return neighbours;
}

/**
 * From token `index` onwards, skips connector words and returns the index of the first other
 * token, or -1 when a sentence boundary or hyphen comes first.
 */
function skipConnectors(tokens: Token[], index: number): number {
  for (let i = index; i < tokens.length && i <= index + MAX_CONNECTORS; i++) {
    if (tokens[i].gapBefore === 'stop' || tokens[i].gapBefore === 'hyphen') return -1;
    if (!CONNECTORS.has(tokens[i].key)) return i;
  }
  return -1;
}
