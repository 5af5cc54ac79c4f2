import type { SearchIndex } from '../../../contracts/jobs/read-model';
import { indexTerms } from './indexed-job';
import { allTerms, jobTerms, SearchableJob } from './job-terms';

/**
 * Changes whenever the stored `search_index` of a job would differ for the same posting
 * (analysis, field weights, the shape below): an index of another version is not used (the
 * posting is analysed at query time instead, as before the index existed) until the jobs
 * projection has been rebuilt.
 */
export const SEARCH_INDEX_VERSION = 1;

/**
 * What ranking needs of one job (an IndexedJob), computed by the jobs projection once per content
 * change and stored on the job document (`search_index`, contracts/jobs/read-model.ts), so that a
 * search never analyses a posting. Plain JSON, the same on every read store: `weights[i]` is the
 * BM25F weight of `search_terms[i]` (terms can hold `.` and `$`, which MongoDB field names may
 * not, so no object keyed by term). Numbers survive JSON and BSON exactly, so scores are the
 * same as from an analysis at query time.
 */
export type StoredSearchIndex = SearchIndex;

/** A job's `search_terms` and `search_index`, from one analysis of the posting. */
export function searchFields(job: SearchableJob): { search_terms: string[]; search_index: StoredSearchIndex } {
  const terms = jobTerms(job);
  const indexed = indexTerms(terms);
  const search_terms = allTerms(terms);
  return {
    search_terms,
    search_index: {
      version: SEARCH_INDEX_VERSION,
      weights: search_terms.map((term) => indexed.weights.get(term)!),
      title: indexed.title,
      title_words: indexed.titleWords,
      body: indexed.body,
    },
  };
}

/** Where `term` is in the sorted `terms`, or -1. */
export function sortedIndexOf(terms: readonly string[], term: string): number {
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const found = terms[mid]!;
    if (found === term) return mid;
    if (found < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
