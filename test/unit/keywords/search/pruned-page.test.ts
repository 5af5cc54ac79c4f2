import { loadStaticCatalogue } from '../../../../src/jobs/catalogue/catalogue';
import { CandidateFacts, queryTerms, rankPage, searchFields, sortedIndexOf } from '../../../../src/keywords';
import { seededRandom } from '../../../support/seeded-random';

/**
 * rankPage scores only the jobs that may reach the page when it is handed every candidate with a
 * stored index (pruned-page.ts). Whatever it leaves unscored, the page and the total must be
 * those of scoring every candidate (`prune: false`), with or without the facts an index of terms
 * hands over, over generated postings (phrases, compounds, skills, ties between equal postings),
 * candidate subsets as filters make them, and pages anywhere in the ranking.
 */
const WORDS = [
  'product', 'manager', 'machine', 'learning', 'engineer', 'front', 'end', 'frontend', 'react', 'kubernetes', 'nurse', 'sales',
  'senior', 'data', 'scientist', 'python', 'java', 'developer', 'team', 'lead', 'marketing', 'design', 'ux', 'go',
];
const QUERIES = [
  'product manager', 'machine learning engineer', 'front end', 'react frontend', 'engineer', 'kubernetes', 'nurse', 'sales',
  'senior data scientist python', 'java developer', 'machine learning', 'product', 'lead engineer', 'ux design', 'go developer',
];

type Stored = ReturnType<typeof searchFields> & { _id: string };

function corpus(seed: number): Stored[] {
  const random = seededRandom(seed);
  const sentence = (length: number) => Array.from({ length }, () => random.pick(WORDS)).join(' ');
  const catalogue = loadStaticCatalogue().map(({ content }) => content);
  const docs: Stored[] = [];
  for (let i = 0; i < 160; i++) {
    const posting =
      random.next() < 0.5
        ? random.pick(catalogue)
        : { title: sentence(2 + Math.floor(random.next() * 3)), company: 'Acme', description: sentence(30), requirements: [sentence(6), `nice to have: ${sentence(4)}`], responsibilities: [sentence(8)] };
    const copies = random.next() < 0.15 ? 2 : 1; // equal postings score alike: the page orders them by id
    for (let c = 0; c < copies; c++) docs.push({ _id: `job-${String(Math.floor(random.next() * 1e6)).padStart(6, '0')}-${i}-${c}`, ...searchFields(posting) });
  }
  return docs;
}

/** What an index of terms would hand over for these candidates. */
function factsOf(q: string, docs: Stored[]): CandidateFacts {
  const terms = queryTerms(q);
  const termWeights = new Float64Array(docs.length * terms.length);
  docs.forEach((doc, i) =>
    terms.forEach((term, k) => {
      const at = sortedIndexOf(doc.search_terms, term);
      termWeights[i * terms.length + k] = at < 0 ? NaN : doc.search_index.weights[at]!;
    }),
  );
  return { termWeights, titleHas: (word) => Uint8Array.from(docs, (doc) => (doc.search_index.title_words.includes(word) ? 1 : 0)) };
}

const ids = (docs: Array<{ _id: string }>) => docs.map((doc) => doc._id);

describe('rankPage scoring only the jobs that may reach the page', () => {
  it('given generated postings, filters and pages, when pruned, then the page and the total are those of scoring every candidate', () => {
    let pages = 0;
    let matched = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed * 7919);
      const docs = corpus(seed);
      for (const q of QUERIES) {
        const terms = new Set(queryTerms(q));
        const allowed = docs.filter(() => random.next() < 0.8);
        const candidates = allowed.filter((doc) => doc.search_terms.some((term) => terms.has(term)));
        const documentCount = allowed.length;
        for (let round = 0; round < 4; round++) {
          const offset = random.pick([0, 0, 1, 5, 19, Math.floor(candidates.length / 2), candidates.length]);
          const limit = random.pick([1, 3, 10, 20, 50]);
          const full = rankPage(q, candidates, { candidatesOf: { documentCount }, offset, limit, prune: false });
          const pruned = rankPage(q, candidates, { candidatesOf: { documentCount }, offset, limit });
          const withFacts = rankPage(q, candidates, { candidatesOf: { documentCount, facts: factsOf(q, candidates) }, offset, limit });
          const expected = { q, seed, offset, limit, page: ids(full.page), total: full.total };
          expect({ q, seed, offset, limit, page: ids(pruned.page), total: pruned.total }).toEqual(expected);
          expect({ q, seed, offset, limit, page: ids(withFacts.page), total: withFacts.total }).toEqual(expected);
          pages++;
          matched += full.page.length;
        }
      }
    }
    expect(pages).toBe(12 * QUERIES.length * 4);
    expect(matched).toBeGreaterThan(3000); // the pages are not mostly empty
  });

  it('given jobs holding only the words of a skill query, not the skill, then only those whose words stand side by side count, pruned or not', () => {
    const side = { title: 'Analyst', company: 'Acme', description: 'We apply machine learning daily.', requirements: ['SQL'] };
    const apart = { title: 'Analyst', company: 'Acme', description: 'A machine room. Continuous learning.', requirements: ['SQL'] };
    const docs = [side, apart].map((posting, i) => ({ _id: `job-${i}`, ...searchFields(posting) }));
    const q = 'machine learning';
    const full = rankPage(q, docs, { candidatesOf: { documentCount: 2 }, offset: 0, limit: 10, prune: false });
    const pruned = rankPage(q, docs, { candidatesOf: { documentCount: 2 }, offset: 0, limit: 10 });
    expect({ page: ids(pruned.page), total: pruned.total }).toEqual({ page: ids(full.page), total: full.total });
    expect({ page: ids(full.page), total: full.total }).toEqual({ page: ['job-0'], total: 1 });
  });
});
