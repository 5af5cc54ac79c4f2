import { SEARCH_INDEX_VERSION, sortedIndexOf, StoredSearchIndex } from './search-index';

/**
 * How many of `docs` hold each of `terms` in their stored `search_terms` (which are de-duplicated).
 * Given the candidates of a search (every job the filters allow that holds one of the query's
 * terms), this is each term's document frequency over every job the filters allow: a job holding
 * a term is a candidate. Terms stored with a `search_index` are sorted (the projection sorts
 * them), so they are looked up by halving rather than read through.
 */
export function documentFrequencies(
  terms: readonly string[],
  docs: ReadonlyArray<{ search_terms?: readonly string[]; search_index?: Pick<StoredSearchIndex, 'version'> }>,
): Map<string, number> {
  const counts = terms.map(() => 0);
  for (const doc of docs) {
    const stored = doc.search_terms ?? [];
    const sorted = doc.search_index?.version === SEARCH_INDEX_VERSION;
    for (let i = 0; i < terms.length; i++) if (sorted ? sortedIndexOf(stored, terms[i]!) >= 0 : stored.includes(terms[i]!)) counts[i]!++;
  }
  return new Map(terms.map((term, i) => [term, counts[i]!]));
}
