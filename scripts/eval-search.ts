import { performance } from 'node:perf_hooks';
import { loadStaticCatalogue } from '../src/jobs/catalogue/catalogue';
import { queryTerms, rankJobs, searchTerms } from '../src/keywords';

/**
 * `node dist/scripts/eval-search.js [query ...]`: prints the top static jobs for sample queries
 * (or the ones given) and how long analysis and ranking take. Figures are printed, never asserted.
 */
const SAMPLE_QUERIES = [
  'kubernetes', 'k8s', 'nurse', 'react frontend', 'machine learning engineer', 'java', 'js', 'go developer',
  'go', 'postgres', 'product manager', 'data', 'sales', 'Zürich', 'c#', 'ci/cd', 'the and of', 'chef', 'designer',
];
const TOP = 6;
const BENCH_SIZE = 2_000;

const jobs = loadStaticCatalogue().map(({ catalogue_id, content }) => ({ ...content, _id: catalogue_id }));
const docs = jobs.map((job) => ({ ...job, search_terms: searchTerms(job) })); // also loads the taxonomy
const t0 = performance.now();
jobs.forEach((job) => searchTerms(job));
const analysis = performance.now() - t0;

const queries = process.argv.length > 2 ? process.argv.slice(2) : SAMPLE_QUERIES;
for (const q of queries) {
  const terms = queryTerms(q);
  const candidates = docs.filter((doc) => doc.search_terms.some((term) => terms.includes(term)));
  const ranked = rankJobs(q, candidates);
  console.log(`\n${JSON.stringify(q)} -> [${terms.join(', ')}]  ${candidates.length} candidates, ${ranked.length} ranked`);
  for (const doc of ranked.slice(0, TOP)) console.log(`  ${doc._id}  ${doc.title} (${doc.company})`);
}

const avgTerms = docs.reduce((sum, doc) => sum + doc.search_terms.length, 0) / docs.length;
console.log(`\nsearchTerms: ${docs.length} jobs in ${analysis.toFixed(1)} ms; ${avgTerms.toFixed(0)} terms per job on average`);

// Distinct content per copy (a number is not a search term), so the memo holds BENCH_SIZE jobs.
const big = Array.from({ length: BENCH_SIZE }, (_, i) => {
  const doc = docs[i % docs.length];
  return { ...doc, _id: `bench-${String(i).padStart(5, '0')}`, description: `${doc.description} ${i}` };
});
const timed = (q: string, candidates = big) => {
  const start = performance.now();
  rankJobs(q, candidates);
  return performance.now() - start;
};
const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];

const heapBefore = process.memoryUsage().heapUsed;
console.log(`rankJobs over ${BENCH_SIZE} distinct candidates, first call (every job analysed): ${timed('engineer').toFixed(1)} ms`);
console.log(`heap grew by about ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB (memoised analyses, before any GC)`);
for (const q of ['engineer', 'machine learning engineer', 'react frontend', 'nurse']) {
  const same = Array.from({ length: 9 }, () => timed(q));
  // A read store returns new objects with new strings on every query: compare content, not identity.
  const fresh = Array.from({ length: 9 }, () => timed(q, structuredClone(big)));
  console.log(`rankJobs(${JSON.stringify(q)}) over ${BENCH_SIZE} memoised candidates: median ${median(same).toFixed(1)} ms; as fresh copies: median ${median(fresh).toFixed(1)} ms`);
}
