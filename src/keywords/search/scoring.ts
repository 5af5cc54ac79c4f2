import type { IndexedJob } from './indexed-job';
import type { ParsedQuery, QueryWord } from './query';

/**
 * Relevance of one job to a query (BM25F). Each query word stands for a few synonymous terms
 * (the word, the skill it names: `k8s` and `Kubernetes`) and counts with the best of them, so a
 * job is not rewarded for spelling a skill two ways:
 *
 *   score   = (1 + phrase + allWords) * sum over query words w of idf(w) * saturate(weight(w) + exact(w))
 *   weight(w) = max over the terms t of w of weight(t)   (indexed-job.ts: field-weighted counts)
 *               or, for a skill of several words written side by side, the weakest of them if more
 *   exact(w)  = EXACT_TITLE_WORD when the title has the word as typed, else 0
 *   saturate(x) = x * (K1 + 1) / (x + K1)
 *   idf(w)  = ln(1 + (N - n(w) + 0.5) / (n(w) + 0.5))
 *
 * with N the number of jobs and n(w) how many have w. Saturating once, after the fields are
 * added up, keeps a common word that is everywhere in a posting from outweighing a rare one
 * named once in its requirements.
 */

/** How fast repeated and multi-field occurrences stop adding up (BM25's k1, on weighted counts). */
export const K1 = 4;
/** Stemming makes `nurse` = `nursing`; the very word typed, in the title, counts as a second title hit. */
export const EXACT_TITLE_WORD = 6;
/** The query's words, in order, in the title... */
export const TITLE_PHRASE_BONUS = 1;
/** ... or in another field. */
export const FIELD_PHRASE_BONUS = 0.25;
/** Every query word (or a synonym of it) somewhere in the job; only for queries of two or more. */
export const ALL_WORDS_BONUS = 0.5;
/**
 * For a job none of whose fields has a query term though its stored `search_terms` do (fields
 * left out of the document passed in, or terms stored by an older analysis): it matched the
 * read-store query, so it stays in the results, with a token score that puts it at the end.
 */
export const STORED_ONLY_WEIGHT = 0.05;

/** `weights[w]` is `wordWeight(job, query.words[w])`, computed once per job and query word. */
export function relevance(job: IndexedJob, weights: readonly number[], stored: readonly string[], query: ParsedQuery, idf: readonly number[]): number {
  let sum = 0;
  let matched = 0;
  query.words.forEach((word, w) => {
    if (weights[w] === 0) return;
    matched++;
    const exact = word.surface !== null && job.titleWords.includes(word.surface) ? EXACT_TITLE_WORD : 0;
    sum += idf[w] * saturate(weights[w] + exact);
  });
  if (matched === 0) return storedOnly(stored, query, idf);
  const allWords = query.words.length > 1 && matched === query.words.length ? ALL_WORDS_BONUS : 0;
  return sum * (1 + phraseBonus(job, query.phrase) + allWords);
}

/** The weight of the best of a query word's terms in the job (or of its phrase's weakest word); 0 if none. */
export function wordWeight(job: IndexedJob, word: QueryWord): number {
  let best = 0;
  for (const term of word.terms) best = Math.max(best, job.weights.get(term) ?? 0);
  if (word.phrase.length === 0) return best;
  let weakest = Infinity;
  for (const term of word.phrase) weakest = Math.min(weakest, job.weights.get(term) ?? 0);
  return weakest > best && hasRun(job, word.phrase) ? weakest : best;
}

function storedOnly(stored: readonly string[], query: ParsedQuery, idf: readonly number[]): number {
  return query.words.reduce((sum, word, w) => {
    const found = word.terms.some((term) => stored.includes(term));
    return sum + (found ? STORED_ONLY_WEIGHT * idf[w] : 0);
  }, 0);
}

function phraseBonus(job: IndexedJob, phrase: string[]): number {
  if (phrase.length < 2) return 0;
  // Every term of the title and the body has a weight: a job without one of the phrase's terms has no run of them.
  for (const term of phrase) if (job.weights.get(term) === undefined) return 0;
  if (containsRun(job.title, phrase)) return TITLE_PHRASE_BONUS;
  return job.body.includes(` ${phrase.join(' ')} `) ? FIELD_PHRASE_BONUS : 0;
}

/** The terms side by side in some field. */
function hasRun(job: IndexedJob, run: string[]): boolean {
  return containsRun(job.title, run) || job.body.includes(` ${run.join(' ')} `);
}

function containsRun(sequence: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let j = 0; j < run.length; j++) if (sequence[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

export function saturate(weight: number): number {
  return (weight * (K1 + 1)) / (weight + K1);
}

/** idf(w) above: `withWord` of `total` jobs have the word. */
export function inverseDocumentFrequency(total: number, withWord: number): number {
  return Math.log(1 + (total - withWord + 0.5) / (withWord + 0.5));
}

/** Equal scores are ordered by id, so the order is the same on every run. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
