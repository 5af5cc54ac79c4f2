import { JobCursor } from './job-cursor';
import type { ParsedQuery } from './query';
import type { IndexedRankableJob } from './rankable';
import { ALL_WORDS_BONUS, compareIds, EXACT_TITLE_WORD, inverseDocumentFrequency, relevance, saturate, STORED_ONLY_WEIGHT, TITLE_PHRASE_BONUS, wordWeight } from './scoring';
import { sortedIndexOf } from './search-index';
import { topK } from './top-k';

/** Bounds are raised by this much so that adding the same numbers in another order never puts a score above its bound. */
const ROUNDING = 1 + 1e-9;
/** How many of the best bounds are scored first, per job of the page: the page's last score then rules most others out. */
const FIRST_ROUND = 4;

/**
 * What a caller that indexes terms knows of the candidates it passes, all with a stored index of
 * this version (see `isStored`): ranking would otherwise read it from each job.
 */
export interface CandidateFacts {
  /** `termWeights[i * terms.length + k]`: the weight of query term k (`queryTerms(q)`, in its order) in job i, NaN where it has none. */
  termWeights: Float64Array;
  /** 1 for each job whose stored title words hold `word`. */
  titleHas(word: string): Uint8Array;
}

export interface PageRequest {
  /** Every job the filters allow (the candidates are those of them with a query term). */
  documentCount: number;
  facts?: CandidateFacts;
  offset: number;
  limit: number;
}

/**
 * `rankPage` over candidates that all have a stored index and are every allowed job with a query
 * term (see `RankOptions.candidatesOf`), scoring only the jobs that may reach the page: the same
 * page and total as scoring every candidate (`rankPage` tests compare the two).
 *
 * Each candidate gets an upper bound of its score from its query terms' weights and title words
 * alone: the best term weight of each query word (or its phrase's weakest, if more), the exact
 * title-word bonus where the title has the word, and every phrase bonus assumed. The parts left
 * out (a phrase's run in the body, the weight a run really earns) are the costly ones. The best
 * bounds are scored first; the page's last score then rules out every job whose bound is lower,
 * and only the rest are scored. A job that has one of a query word's terms always scores above 0
 * (its word's weight, or the stored-only score), so the total is counted without scoring; a job
 * that has only a phrase's words is scored to find out.
 */
export function prunedPage<T extends IndexedRankableJob>(query: ParsedQuery, docs: readonly T[], request: PageRequest): { page: T[]; total: number } {
  const { terms, words } = query;
  const n = docs.length;
  const width = terms.length;
  const facts = request.facts?.termWeights.length === n * width ? request.facts : lookUpFacts(terms, docs);
  const termWeights = facts.termWeights;
  const withTerm = new Array<number>(width).fill(0);
  for (let i = 0; i < termWeights.length; i++) if (!Number.isNaN(termWeights[i]!)) withTerm[i % width]!++;
  // As rank.ts takes it over the corpus, where every candidate frequency is known: the word's most frequent term, at most every job.
  const idf = words.map((word) => {
    const withWord = Math.min(Math.max(...word.terms.map((term) => withTerm[terms.indexOf(term)]!)), request.documentCount);
    return inverseDocumentFrequency(request.documentCount, withWord);
  });
  const bounds = boundScores(query, n, facts, idf);

  const termIndex = new Map(terms.map((term, k) => [term, k]));
  const cursor = new JobCursor(termIndex, termWeights, width);
  const scores = new Float64Array(n).fill(NaN);
  const own = new Array<number>(words.length);
  const score = (i: number): number => {
    if (!Number.isNaN(scores[i]!)) return scores[i]!;
    const doc = docs[i]!;
    cursor.point(i, doc, undefined);
    for (let w = 0; w < words.length; w++) own[w] = wordWeight(cursor, words[w]!);
    return (scores[i] = relevance(cursor, own, doc.search_terms, query, idf));
  };
  const idOf = (i: number) => docs[i]!._id ?? docs[i]!.id ?? '';
  const better = (a: number, b: number) => scores[b]! - scores[a]! || compareIds(idOf(a), idOf(b)) || a - b;

  const k = request.offset + request.limit;
  if (k <= 0) return { page: [], total: bounds.sure + bounds.unsure.filter((i) => score(i) > 0).length };
  const hopeful = bounds.positive;
  for (const i of topK(hopeful, Math.min(hopeful.length, k * FIRST_ROUND), (a, b) => bounds.of[b]! - bounds.of[a]! || a - b)) score(i);
  const scoredSoFar = hopeful.filter((i) => !Number.isNaN(scores[i]!) && scores[i]! > 0);
  const best = topK(scoredSoFar, k, better);
  const floor = best.length < k ? 0 : scores[best[k - 1]!]!;
  // A bound below the page's last score rules the job out; any other is scored (ties go by id).
  const contenders = hopeful.filter((i) => bounds.of[i]! >= floor && score(i) > 0);
  const page = topK(contenders, k, better).slice(request.offset);
  const total = bounds.sure + bounds.unsure.filter((i) => score(i) > 0).length;
  return { page: page.map((i) => docs[i]!), total };
}

/** The facts, read from each job. */
function lookUpFacts(terms: readonly string[], docs: readonly IndexedRankableJob[]): CandidateFacts {
  const width = terms.length;
  const termWeights = new Float64Array(docs.length * width);
  for (let i = 0; i < docs.length; i++) {
    const { search_terms: stored, search_index: index } = docs[i]!;
    for (let k = 0; k < width; k++) {
      const at = sortedIndexOf(stored, terms[k]!);
      termWeights[i * width + k] = at < 0 ? NaN : index.weights[at]!;
    }
  }
  const titleHas = (word: string) => Uint8Array.from(docs, (doc) => (doc.search_index.title_words.includes(word) ? 1 : 0));
  return { termWeights, titleHas };
}

interface Bounds {
  /** An upper bound of each job's score. */
  of: Float64Array;
  /** The jobs whose bound is above 0 (the others score 0). */
  positive: number[];
  /** How many jobs have one of a query word's terms: each scores above 0. */
  sure: number;
  /** Jobs with none of the words' terms but all of a phrase's words: only their score says if they match. */
  unsure: number[];
}

function boundScores(query: ParsedQuery, n: number, facts: CandidateFacts, idf: readonly number[]): Bounds {
  const { terms, words } = query;
  const termWeights = facts.termWeights;
  const titleHas = words.map((word) => (word.surface === null ? null : facts.titleHas(word.surface)));
  const width = terms.length;
  const wordTerms = words.map((word) => word.terms.map((term) => terms.indexOf(term)));
  const phraseTerms = words.map((word) => word.phrase.map((term) => terms.indexOf(term)));
  const phraseBonus = query.phrase.length >= 2 ? TITLE_PHRASE_BONUS : 0;
  const of = new Float64Array(n);
  const positive: number[] = [];
  const unsure: number[] = [];
  let sure = 0;
  for (let i = 0; i < n; i++) {
    const base = i * width;
    let sum = 0;
    let storedOnly = 0;
    let matched = 0;
    let hasWordTerm = false;
    let wholePhrase = false;
    for (let w = 0; w < words.length; w++) {
      let best = 0;
      let found = false;
      for (const k of wordTerms[w]!) {
        const weight = termWeights[base + k]!;
        if (Number.isNaN(weight)) continue;
        found = true;
        if (weight > best) best = weight;
      }
      let upper = best;
      if (phraseTerms[w]!.length > 0) {
        let weakest = Infinity;
        let all = true;
        for (const k of phraseTerms[w]!) {
          const weight = termWeights[base + k]!;
          if (Number.isNaN(weight)) all = false;
          weakest = Math.min(weakest, Number.isNaN(weight) ? 0 : weight);
        }
        if (weakest > upper) upper = weakest;
        if (all) wholePhrase = true;
      }
      if (found) {
        hasWordTerm = true;
        storedOnly += STORED_ONLY_WEIGHT * idf[w]!;
      }
      if (upper > 0) {
        matched++;
        const exact = titleHas[w]?.[i] === 1 ? EXACT_TITLE_WORD : 0;
        sum += idf[w]! * saturate(upper + exact);
      }
    }
    const allWords = words.length > 1 && matched === words.length ? ALL_WORDS_BONUS : 0;
    of[i] = Math.max(sum * (1 + phraseBonus + allWords), storedOnly) * ROUNDING;
    if (of[i]! > 0) positive.push(i);
    if (hasWordTerm) sure++;
    else if (wholePhrase) unsure.push(i);
  }
  return { of, positive, sure, unsure };
}

