import type { SearchableJob } from './job-terms';
import { SEARCH_INDEX_VERSION, StoredSearchIndex } from './search-index';

/** A job to rank by its posting, analysed (and memoised, see job-cache.ts) unless it has a stored `search_index`. */
export interface RankableJob extends SearchableJob {
  _id?: string;
  id?: string;
  search_terms?: string[];
  search_index?: StoredSearchIndex;
}

/**
 * A job to rank by its stored `search_index` alone (as the jobs projection stores it). One whose
 * index is of another version cannot be ranked this way: pass its posting too (RankableJob).
 */
export interface IndexedRankableJob {
  _id?: string;
  id?: string;
  search_terms: string[];
  search_index: StoredSearchIndex;
}

export type Rankable = RankableJob | IndexedRankableJob;

/** A stored index of this version that lines up with the stored terms (see search-index.ts). */
export function isStored(doc: Rankable): doc is Rankable & IndexedRankableJob {
  const index = doc.search_index;
  return index !== undefined && index.version === SEARCH_INDEX_VERSION && doc.search_terms !== undefined && index.weights.length === doc.search_terms.length;
}
