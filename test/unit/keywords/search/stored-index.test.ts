import { loadStaticCatalogue } from '../../../../src/jobs/catalogue/catalogue';
import { documentFrequencies, queryTerms, rankJobs, rankPage, searchFields, searchTerms, SEARCH_INDEX_VERSION } from '../../../../src/keywords';

/**
 * The jobs projection stores what ranking needs (`search_index`, src/keywords/search/search-index.ts)
 * so that a search never analyses a posting. Ranking by it must give exactly what analysing the
 * posting gives: the same jobs, in the same order, with the same totals.
 */
const SENIORITY = ['', 'Senior ', 'Lead '];
const postings = loadStaticCatalogue().flatMap(({ catalogue_id, content }) =>
  SENIORITY.map((prefix, variant) => ({ ...content, title: `${prefix}${content.title}`, _id: `${catalogue_id}-${variant}` })),
);
const stored = postings.map((posting) => ({ _id: posting._id, ...searchFields(posting) }));
const analysed = postings.map((posting) => ({ ...posting, search_terms: searchTerms(posting) }));

const QUERIES = [
  'kubernetes', 'k8s', 'nurse', 'registered nurse icu', 'machine learning engineer', 'react frontend', 'front end', 'sales',
  'engineer', 'product manager', 'java developer', 'c++', 'node.js', 'data scientist python', 'senior', 'go developer', 'ui/ux designer',
];

function candidates<D extends { search_terms: string[] }>(q: string, docs: D[]): D[] {
  const terms = new Set(queryTerms(q));
  return docs.filter((doc) => doc.search_terms.some((term) => terms.has(term)));
}

const ids = (docs: Array<{ _id: string }>) => docs.map((doc) => doc._id);

describe('ranking by the stored search index', () => {
  it('given the catalogue, then a job\'s search_terms are those of searchTerms and its index has one weight per term', () => {
    for (const [i, doc] of stored.entries()) {
      expect(doc.search_terms).toEqual(analysed[i]!.search_terms);
      expect(doc.search_index.weights).toHaveLength(doc.search_terms.length);
      expect(doc.search_index.version).toBe(SEARCH_INDEX_VERSION);
    }
  });

  it('given the catalogue and a mix of queries, when ranked by the stored index, then the jobs and their order are those of the analysis, over the candidates and with corpus frequencies', () => {
    let ranked = 0;
    for (const q of QUERIES) {
      expect(ids(rankJobs(q, candidates(q, stored)))).toEqual(ids(rankJobs(q, candidates(q, analysed))));
      const corpus = { documentCount: postings.length, documentFrequency: documentFrequencies(queryTerms(q), candidates(q, analysed)) };
      const expected = ids(rankJobs(q, candidates(q, analysed), { corpus }));
      expect(ids(rankJobs(q, candidates(q, stored), { corpus }))).toEqual(expected);
      expect(documentFrequencies(queryTerms(q), candidates(q, stored))).toEqual(corpus.documentFrequency);
      ranked += expected.length;
    }
    expect(ranked).toBeGreaterThan(500);
  });

  it('given a page wanted, when ranked with rankPage, then it is that slice of the whole ranking and the total counts every ranked job', () => {
    for (const q of QUERIES) {
      const all = ids(rankJobs(q, candidates(q, analysed), { corpus: { documentCount: postings.length, documentFrequency: documentFrequencies(queryTerms(q), candidates(q, analysed)) } }));
      for (const [offset, limit] of [[0, 20], [0, 1], [5, 10], [40, 20], [all.length - 1, 20], [all.length + 3, 20]] as const) {
        const page = rankPage(q, candidates(q, stored), { candidatesOf: { documentCount: postings.length }, offset, limit });
        expect({ q, page: ids(page.page), total: page.total }).toEqual({ q, page: all.slice(offset, offset + limit), total: all.length });
      }
    }
  });

  it('given stored indexes of another version among the candidates, then those jobs are ranked from their posting and the order does not change', () => {
    const mixed = postings.map((posting, i) => {
      if (i % 3 !== 0) return stored[i]!;
      const outdated = { ...stored[i]!.search_index, version: SEARCH_INDEX_VERSION + 1, weights: stored[i]!.search_index.weights.map(() => 1000) };
      return { ...posting, ...stored[i]!, search_index: outdated };
    });
    for (const q of QUERIES) expect(ids(rankJobs(q, candidates(q, mixed)))).toEqual(ids(rankJobs(q, candidates(q, analysed))));
  });
});
