import { indexedJob } from './job-cache';
import type { SearchableJob } from './job-terms';
import { parseQuery, QueryWord } from './query';
import { relevance, wordWeight } from './scoring';

export interface RankableJob extends SearchableJob {
  _id?: string;
  id?: string;
  search_terms?: string[];
}

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
}

/**
 * The jobs that match `q`, most relevant first; jobs with nothing in common with the query are
 * left out. Equal scores are ordered by id, so the order is the same on every run.
 */
export function rankJobs<T extends RankableJob>(q: string, docs: T[], options: RankOptions = {}): T[] {
  const query = parseQuery(q);
  if (query.terms.length === 0 || docs.length === 0) return [];
  const jobs = docs.map((doc) => {
    const id = doc._id ?? doc.id ?? '';
    const indexed = indexedJob(id, doc);
    return { doc, id, indexed, weights: query.words.map((word) => wordWeight(indexed, word)), score: 0 };
  });
  const idf = query.words.map((word, w) => inverseDocumentFrequency(word, jobs.filter((job) => job.weights[w] > 0).length, jobs.length, options.corpus));
  for (const job of jobs) job.score = relevance(job.indexed, job.weights, job.doc.search_terms ?? [], query, idf);
  return jobs
    .filter((job) => job.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
    .map((job) => job.doc);
}

/**
 * Over the corpus when the frequencies of all a query word's terms are known (the largest is a
 * lower bound for the word), over the candidates otherwise.
 */
function inverseDocumentFrequency(word: QueryWord, withWordInCandidates: number, candidates: number, corpus?: CorpusStats): number {
  const known = word.terms.flatMap((term) => corpus?.documentFrequency.get(term) ?? []);
  const [total, withWord] =
    corpus && known.length === word.terms.length
      ? [corpus.documentCount, Math.min(Math.max(...known), corpus.documentCount)]
      : [candidates, withWordInCandidates];
  return Math.log(1 + (total - withWord + 0.5) / (withWord + 0.5));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
