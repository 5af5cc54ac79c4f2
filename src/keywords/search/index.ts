/**
 * Relevance-ranked full-text job search, as pure functions (see docs/decisions/0006-job-search.md).
 *
 * The jobs projection stores `searchFields(job)`: `search_terms`, and `search_index`, what ranking
 * needs of the job; a search narrows candidates in the read store with
 * `{ search_terms: { $in: queryTerms(q) } }`, then orders them with `rankJobs` (or `rankPage`).
 */
import { allTerms, jobTerms, SearchableJob } from './job-terms';
import { parseQuery } from './query';

export { rankJobs, rankPage } from './rank';
export { searchFields, SEARCH_INDEX_VERSION, sortedIndexOf } from './search-index';
export type { StoredSearchIndex } from './search-index';
export { documentFrequencies } from './document-frequency';
export type { CandidateFacts, CorpusStats, RankableJob, RankOptions } from './rank';
export { isStored } from './rankable';
export type { SearchableJob } from './job-terms';

/** Normalised, de-duplicated (and sorted) terms of a job: words, compounds and skill terms. */
export function searchTerms(job: SearchableJob & { responsibilities: string[] }): string[] {
  return allTerms(jobTerms(job));
}

/** The same normalisation applied to a query; [] when it has nothing searchable. */
export function queryTerms(q: string): string[] {
  return parseQuery(q).terms;
}
