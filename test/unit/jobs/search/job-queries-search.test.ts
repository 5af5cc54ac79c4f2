import { JobDocument, JobsReadModel } from '../../../../contracts/jobs/read-model';
import { JobQueries } from '../../../../src/jobs/job-queries';
import { SEARCH_INDEX_VERSION } from '../../../../src/keywords';
import { EmbeddedReadStore } from '../../../../src/read-store/embedded';
import { Doc } from '../../../../src/read-store/port';
import { expected, given, QUERIES, searchWith } from './search-fixture';

/**
 * GET /jobs?q= on the embedded store: candidates ranked by the index the jobs projection stores
 * (`search_index`), paged without ordering the rest, give what ranking every visible job by
 * analysing its posting gives; documents whose index is of another version are ranked from their
 * posting. Nothing of the index is shown. Both ways to the candidates answer alike: the store's
 * `search_terms` index (before the projection has a change marker) and the snapshot of terms.
 */
const search = (store: EmbeddedReadStore, q: string, offset = 0, limit = 20) => searchWith(new JobQueries(store), q, offset, limit);

describe.each([
  ['from the store', false],
  ['from the snapshot of terms', true],
])('JobQueries.search ranked by the stored search index, candidates %s', (_way, marked) => {
  it('given the catalogue projected three times over, when searched, then pages and totals are those of ranking every visible posting, and no index is shown', async () => {
    const { store, docs } = await given(marked);
    for (const q of QUERIES) {
      for (const [offset, limit] of [[0, 20], [10, 5], [100, 20]] as const) {
        const page = await search(store, q, offset, limit);
        expect({ q, offset, ids: page.items.map((job) => job.id), total: page.total }).toEqual({ q, offset, ...expected(q, docs, offset, limit) });
        for (const job of page.items) expect(Object.keys(job)).not.toContain('search_index');
        for (const job of page.items) expect(Object.keys(job)).not.toContain('search_terms');
      }
    }
    expect((await search(store, 'engineer')).total).toBeGreaterThan(20);
  });

  it('given documents whose stored index is of another version (projected by an older build), when searched, then they are ranked from their posting and the answers do not change', async () => {
    const { store, docs } = await given(marked);
    const jobs = store.collection<JobDocument & Doc>(JobsReadModel.collection);
    for (const [i, doc] of docs.entries()) {
      if (i % 2 === 0) await jobs.upsert({ ...doc, search_index: { ...doc.search_index, version: SEARCH_INDEX_VERSION - 1, weights: doc.search_index.weights.map(() => 99) } } as JobDocument & Doc);
    }
    for (const q of QUERIES) {
      const page = await search(store, q);
      expect({ q, ids: page.items.map((job) => job.id), total: page.total }).toEqual({ q, ...expected(q, docs, 0, 20) });
    }
  });
});
