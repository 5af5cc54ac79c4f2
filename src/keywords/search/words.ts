import { fold } from './fold';
import { singular, stem } from './stem';
import { STOP_WORDS } from './stop-words';

/**
 * Search tokens. A token is a run of letters and digits that may contain `.`, `'`, `&` or `/`
 * between two of them, may start with a `.` and may end in `+` or `#`, so `C++`, `C#`, `.NET`,
 * `Node.js`, `R&D` and `CI/CD` stay whole. A slash joins only short parts (`CI/CD`, `A/B`,
 * `UI/UX`, `TCP/IP`); longer ones are separate words (`Python/Django`).
 */
export interface SearchToken {
  /** What it contributes to the term sequence, or null (stop word, number, lone letter). */
  term: string | null;
  /** The word as written, folded and singular (`Nurses` -> `nurse`), when it has a term. */
  surface: string | null;
  /** The terms of the parts of `ui/ux` or `tcp/ip`. */
  parts: readonly string[];
  /** The compound this word forms with the one before it: `frontend` from `front end`. */
  compound: string | null;
  start: number;
  end: number;
}

const TOKEN = /(?<![\p{L}\p{N}])\.(?=\p{L})[\p{L}\p{M}\p{N}]+(?:[.'’&/][\p{L}\p{M}\p{N}]+)*[+#]*|[\p{L}\p{M}\p{N}]+(?:[.'’&/][\p{L}\p{M}\p{N}]+)*[+#]*/gu;
const MAX_SLASH_PART = 3;

/** Spellings written both as one word and as two; the joined form is added for either. */
const COMPOUNDS: ReadonlySet<string> = new Set([
  'frontend', 'backend', 'fullstack', 'ecommerce', 'email', 'onsite', 'oncall', 'healthcare',
  'nonprofit', 'startup', 'fintech', 'edtech', 'dataset', 'database', 'workflow', 'teamwork',
]);

/** `text` should be NFC-normalised when offsets must line up with another pass over it. */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let previous: { folded: string; end: number } | null = null;
  for (const match of text.matchAll(TOKEN)) {
    for (const part of splitLongSlashes(match[0], match.index)) {
      const word = wordOf(part.raw);
      const joined = previous && joinsWords(text.slice(previous.end, part.start)) ? previous.folded + word.folded : '';
      const compound = COMPOUNDS.has(joined) ? stem(joined) : null;
      const end = part.start + part.raw.length;
      tokens.push({ term: word.term, surface: word.surface, parts: word.parts, compound, start: part.start, end });
      previous = { folded: word.folded, end };
    }
  }
  return tokens;
}

interface Word {
  folded: string;
  term: string | null;
  surface: string | null;
  parts: readonly string[];
}

/**
 * Folding and stemming cost more than the regex that finds a word, and job text reuses a small
 * vocabulary, so words are memoised. The memo is cleared when full: it only saves time.
 */
const MAX_MEMOISED_WORDS = 50_000;
const words = new Map<string, Word>();

function wordOf(raw: string): Word {
  let word = words.get(raw);
  if (word === undefined) {
    const folded = fold(raw).replace(/’/g, "'");
    const term = termOf(raw, folded);
    word = Object.freeze({ folded, term, surface: term === null ? null : singular(bare(folded)), parts: slashParts(folded) });
    if (words.size >= MAX_MEMOISED_WORDS) words.clear();
    words.set(raw, word);
  }
  return word;
}

/** The term of one word as written, or null when it carries no meaning on its own. */
function termOf(raw: string, folded: string = fold(raw)): string | null {
  const word = undot(bare(folded));
  if (/^[\d.,/+]+$/.test(word) || /^[\p{L}\p{N}]$/u.test(word)) return null;
  if (STOP_WORDS.has(word) && !isAcronym(raw)) return null;
  if (/^\p{L}+$/u.test(word)) return stem(word);
  const base = /^(\p{L}{3,})\+$/u.exec(word); // `Security+`
  return base ? stem(base[1]) : word;
}

/** Without a possessive `'s` or apostrophes: `master's` = `masters`, `don't` = `dont`. */
function bare(folded: string): string {
  return folded.replace(/'s$/, '').replace(/'/g, '');
}

/** Two capital letters (`IT`, `US`, `OR`) name something even when the word is a stop word. */
function isAcronym(raw: string): boolean {
  return /^\p{Lu}{2}$/u.test(raw);
}

/** `Ph.D` = `PhD`, `e.g` = `eg`, `U.S` = `US`: dotted abbreviations of one- or two-letter parts. */
function undot(word: string): string {
  return /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u.test(word) ? word.replace(/\./g, '') : word;
}

function splitLongSlashes(raw: string, start: number): Array<{ raw: string; start: number }> {
  const parts = raw.split('/');
  if (parts.every((p) => p.length <= MAX_SLASH_PART)) return [{ raw, start }];
  let offset = start;
  return parts.map((p) => {
    const part = { raw: p, start: offset };
    offset += p.length + 1;
    return part;
  });
}

function slashParts(folded: string): string[] {
  if (!folded.includes('/')) return [];
  return folded.split('/').flatMap((p) => termOf(p, p) ?? []);
}

function joinsWords(gap: string): boolean {
  return gap === '-' || /^[ \t]+$/.test(gap);
}
