import { querySkills, SkillHit } from './skills';
import { SearchToken, searchTokens } from './words';

/**
 * One thing a query asks for: a word, a skill named in several words (`machine learning`) or a
 * compound written as two (`front end`). A job has it when it has one of `terms` (synonyms: the
 * word, the skill it names, the compound) or, for a skill of several words, the words of
 * `phrase` side by side (a "Machine Learning team" is not a skill mention to the taxonomy). So
 * the `learning` of "learner experience" alone does not stand in for machine learning.
 */
export interface QueryWord {
  terms: string[];
  phrase: string[];
  /** A single word as typed, folded and singular, for the exact-title-word bonus; else null. */
  surface: string | null;
}

/** A search query, analysed like a posting. */
export interface ParsedQuery {
  /** Every term that can match, in query order; empty when nothing in the query can be searched. */
  terms: string[];
  /** The distinct things asked for. */
  words: QueryWord[];
  /** The word terms in order, for the exact-phrase bonus. */
  phrase: string[];
}

/** Longer queries are cut: nobody types 32 meaningful words, and scoring cost grows with them. */
const MAX_WORDS = 32;

export function parseQuery(q: string): ParsedQuery {
  const text = q.normalize('NFC');
  const tokens = searchTokens(text);
  const hits = querySkills(text);
  const words: QueryWord[] = [];
  for (let i = 0; i < tokens.length && words.length < MAX_WORDS; ) {
    const span = skillSpanAt(tokens, i, hits);
    const compound = !span && tokens[i + 1]?.compound;
    const word = span
      ? skillWord(tokens.slice(i, span.to), span.terms)
      : compound
        ? compoundWord(compound)
        : singleWord(tokens, i, hits);
    if (word.terms.length > 0 && !words.some((known) => sameWord(known, word))) words.push(word);
    i = span ? span.to : compound ? i + 2 : i + 1;
  }
  const terms = [...new Set(words.flatMap((word) => [...word.terms, ...word.phrase]))];
  const phrase = tokens.flatMap((token) => token.term ?? []);
  return { terms, words, phrase };
}

/** The longest skill named by several meaningful words starting at token `i`, if any. */
function skillSpanAt(tokens: SearchToken[], i: number, hits: SkillHit[]): { to: number; terms: string[] } | null {
  const spans = hits
    .filter((hit) => hit.start === tokens[i].start)
    .map((hit) => ({ term: hit.term, to: spanEnd(tokens, i, hit.end) }))
    .filter(({ to }) => tokens.slice(i, to).filter((token) => token.term !== null).length >= 2);
  if (spans.length === 0) return null;
  const to = Math.max(...spans.map((span) => span.to));
  return { to, terms: spans.filter((span) => span.to === to).map((span) => span.term) };
}

function spanEnd(tokens: SearchToken[], from: number, end: number): number {
  let to = from;
  while (to < tokens.length && tokens[to].start < end) to++;
  return to;
}

function skillWord(span: SearchToken[], skillTerms: string[]): QueryWord {
  return { terms: [...new Set(skillTerms)], phrase: span.flatMap((token) => token.term ?? []), surface: null };
}

/**
 * `front end` and `front-end` ask for `frontend`, not for "front desk ... end of the day". A
 * posting that writes the two words side by side has the compound term too (tokens.ts).
 */
function compoundWord(compound: string): QueryWord {
  return { terms: [compound], phrase: [], surface: compound };
}

function singleWord(tokens: SearchToken[], i: number, hits: SkillHit[]): QueryWord {
  const token = tokens[i];
  const named = hits.filter((hit) => hit.start < token.end && hit.end > token.start).map((hit) => hit.term);
  const own = token.term === null ? [] : [token.term];
  return { terms: [...new Set([...own, ...token.parts, ...named])], phrase: [], surface: token.surface };
}

function sameWord(a: QueryWord, b: QueryWord): boolean {
  const key = (word: QueryWord) => JSON.stringify([[...word.terms].sort(), word.phrase]);
  return key(a) === key(b);
}
