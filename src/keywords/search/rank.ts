import { indexedJob } from './job-cache';
import { JobCursor } from './job-cursor';
import type { IndexedJob } from './indexed-job';
import type { SearchableJob } from './job-terms';
import { IndexedRankableJob, isStored, Rankable } from './rankable';
import { CandidateFacts, prunedPage } from './pruned-page';
import { ParsedQuery, parseQuery, QueryWord } from './query';
import { compareIds, inverseDocumentFrequency, relevance, wordWeight } from './scoring';
import { sortedIndexOf } from './search-index';
import { topK } from './top-k';

export type { IndexedRankableJob, Rankable, RankableJob } from './rankable';
export type { CandidateFacts } from './pruned-page';

/**
 * Document frequencies over everything searchable, when the caller has them (one `count` per
 * query term). Without them idf is computed over the candidates passed in, which is biased: a
 * term every candidate has weighs almost nothing even if it is rare overall.
 */
export interface CorpusStats {
  documentCount: number;
  /** Keyed by query term (see `queryTerms`); if a query word's terms are not all here, its idf is taken over the candidates. */
  documentFrequency: ReadonlyMap<string, number>;
}

export interface RankOptions {
  corpus?: CorpusStats;
  /**
   * The jobs passed in are every searchable job (of `documentCount`) that holds a query term, so
   * each term's document frequency is counted from them (what `documentFrequencies` gives), in
   * the pass that scores them. Takes the place of `corpus`.
   */
  candidatesOf?: {
    documentCount: number;
    /** What the caller (an index of terms) already knows of each job passed in, which ranking would otherwise read job by job. */
    facts?: CandidateFacts;
  };
  /** `false` scores every job even where pruning would give the same page (for tests that compare the two). */
  prune?: boolean;
}

/**
 * The jobs that match `q`, most relevant first; jobs with nothing in common with the query are
 * left out. Equal scores are ordered by id, so the order is the same on every run.
 */
export function rankJobs<T extends Rankable>(q: string, docs: T[], options: RankOptions = {}): T[] {
  const query = parseQuery(q);
  if (query.terms.length === 0 || docs.length === 0) return [];
  const scored = scoreJobs(query, docs, options);
  return scored.matches.sort(moreRelevant(scored)).map((i) => docs[i]!);
}

/**
 * One page of `rankJobs(q, docs, options)` and the number of jobs it ranks (`total`), without
 * ordering the jobs after the page: the same page, found by keeping the best `offset + limit`.
 * When the jobs are every candidate (`candidatesOf`) and all have a stored index, only the jobs
 * that may reach the page are scored (pruned-page.ts).
 */
export function rankPage<T extends Rankable>(q: string, docs: T[], options: RankOptions & { offset: number; limit: number }): { page: T[]; total: number } {
  const query = parseQuery(q);
  if (query.terms.length === 0 || docs.length === 0) return { page: [], total: 0 };
  if (options.candidatesOf && options.prune !== false && (options.candidatesOf.facts !== undefined || docs.every(isStored))) {
    return prunedPage(query, docs as Array<T & IndexedRankableJob>, { ...options.candidatesOf, offset: options.offset, limit: options.limit });
  }
  const scored = scoreJobs(query, docs, options);
  const best = topK(scored.matches, options.offset + options.limit, moreRelevant(scored));
  return { page: best.slice(options.offset).map((i) => docs[i]!), total: scored.matches.length };
}

interface Scored {
  /** Positions (in the docs passed in) of the jobs that match, unordered. */
  matches: number[];
  scores: Float64Array;
  ids: string[];
}

/** By score, then id, then position among the docs passed in (as a stable sort keeps jobs of equal score and id). */
function moreRelevant({ scores, ids }: Scored): (a: number, b: number) => number {
  return (a, b) => scores[b]! - scores[a]! || compareIds(ids[a]!, ids[b]!) || a - b;
}

/**
 * Scores every job. Thousands of candidates per query, so nothing is allocated per job but its
 * id: the weights of the query's terms in each job sit in one flat array (NaN for a term the job
 * lacks), and one cursor stands for the job being scored.
 */
function scoreJobs(query: ParsedQuery, docs: readonly Rankable[], options: RankOptions): Scored {
  const { terms, words } = query;
  const n = docs.length;
  const termWeights = new Float64Array(n * terms.length);
  const wordWeights = new Float64Array(n * words.length);
  const withTerm = new Array<number>(terms.length).fill(0);
  const withWord = new Array<number>(words.length).fill(0);
  const analysed: Array<IndexedJob | undefined> = [];
  const cursor = new JobCursor(new Map(terms.map((term, k) => [term, k])), termWeights, terms.length);
  for (let i = 0; i < n; i++) {
    const doc = docs[i]!;
    const base = i * terms.length;
    if (isStored(doc)) {
      const stored = doc.search_terms;
      const weights = doc.search_index.weights;
      for (let k = 0; k < terms.length; k++) {
        const at = sortedIndexOf(stored, terms[k]!);
        termWeights[base + k] = at < 0 ? NaN : weights[at]!;
        if (at >= 0) withTerm[k]!++;
      }
    } else {
      const job = indexedJob(doc._id ?? doc.id ?? '', doc as SearchableJob);
      analysed[i] = job;
      const stored = doc.search_terms ?? [];
      for (let k = 0; k < terms.length; k++) {
        termWeights[base + k] = job.weights.get(terms[k]!) ?? NaN;
        if (stored.includes(terms[k]!)) withTerm[k]!++;
      }
    }
    cursor.point(i, doc, analysed[i]);
    for (let w = 0; w < words.length; w++) {
      const weight = wordWeight(cursor, words[w]!);
      wordWeights[i * words.length + w] = weight;
      if (weight > 0) withWord[w]!++;
    }
  }
  const corpus = options.candidatesOf
    ? { documentCount: options.candidatesOf.documentCount, documentFrequency: new Map(terms.map((term, k) => [term, withTerm[k]!])) }
    : options.corpus;
  const idf = words.map((word, w) => wordIdf(word, withWord[w]!, n, corpus));
  const scores = new Float64Array(n);
  const ids = new Array<string>(n);
  const matches: number[] = [];
  const own = new Array<number>(words.length);
  for (let i = 0; i < n; i++) {
    const doc = docs[i]!;
    cursor.point(i, doc, analysed[i]);
    for (let w = 0; w < words.length; w++) own[w] = wordWeights[i * words.length + w]!;
    const score = relevance(cursor, own, doc.search_terms ?? [], query, idf);
    scores[i] = score;
    ids[i] = doc._id ?? doc.id ?? '';
    if (score > 0) matches.push(i);
  }
  return { matches, scores, ids };
}

/**
 * Over the corpus when the frequencies of all a query word's terms are known (the largest is a
 * lower bound for the word), over the candidates otherwise.
 */
function wordIdf(word: QueryWord, withWordInCandidates: number, candidates: number, corpus?: CorpusStats): number {
  const known = word.terms.flatMap((term) => corpus?.documentFrequency.get(term) ?? []);
  const [total, withWord] =
    corpus && known.length === word.terms.length
      ? [corpus.documentCount, Math.min(Math.max(...known), corpus.documentCount)]
      : [candidates, withWordInCandidates];
  return inverseDocumentFrequency(total, withWord);
}
