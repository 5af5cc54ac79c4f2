/**
 * How many of `docs` hold each of `terms` in their stored `search_terms` (which are de-duplicated).
 * Given the candidates of a search (every job the filters allow that holds one of the query's
 * terms), this is each term's document frequency over every job the filters allow: a job holding
 * a term is a candidate.
 */
export function documentFrequencies(terms: readonly string[], docs: ReadonlyArray<{ search_terms?: readonly string[] }>): Map<string, number> {
  const counts = terms.map(() => 0);
  for (const doc of docs) {
    const stored = doc.search_terms ?? [];
    for (let i = 0; i < terms.length; i++) if (stored.includes(terms[i]!)) counts[i]!++;
  }
  return new Map(terms.map((term, i) => [term, counts[i]!]));
}
