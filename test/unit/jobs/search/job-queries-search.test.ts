import { DomainEnvelope } from '../../../../contracts/events';
import { JobSearchQuery } from '../../../../contracts/jobs/http';
import { JobDocument, JobsReadModel } from '../../../../contracts/jobs/read-model';
import { jobsProjection } from '../../../../projections/jobs';
import { loadStaticCatalogue } from '../../../../src/jobs/catalogue/catalogue';
import { JobQueries } from '../../../../src/jobs/job-queries';
import { documentFrequencies, queryTerms, rankJobs, SEARCH_INDEX_VERSION } from '../../../../src/keywords';
import { EmbeddedReadStore } from '../../../../src/read-store/embedded';
import { Doc } from '../../../../src/read-store/port';

/**
 * GET /jobs?q= on the embedded store: candidates ranked by the index the jobs projection stores
 * (`search_index`), paged without ordering the rest, give what ranking every visible job by
 * analysing its posting gives; documents whose index is of another version are ranked from their
 * posting. Nothing of the index is shown.
 */
const user_id = '00000000-0000-4000-8000-00000000000a';
const other = '00000000-0000-4000-8000-00000000000b';
const TODAY = '2026-01-15';
const QUERIES = ['kubernetes', 'nurse', 'machine learning engineer', 'react frontend', 'sales', 'engineer', 'product manager', 'java developer', 'c++'];

function created(i: number, owner: string, content: object): DomainEnvelope {
  const job_id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return {
    event_id: job_id,
    type: 'JobCreated',
    data: { job_id, source: 'user_created', user_id: owner, status: 'active', catalogue_id: null, content, content_hash: `${'0'.repeat(56)}${String(i).padStart(8, '0')}` },
    metadata: { correlation_id: 'test', causation_id: null, actor: owner, occurred_at: '2026-01-01T00:00:00.000Z', schema_version: 1 },
    stream_id: `job-${job_id}`,
    revision: 0,
    position: String(i),
    recorded_at: '2026-01-01T00:00:00.000Z',
  } as DomainEnvelope;
}

async function given(): Promise<{ store: EmbeddedReadStore; docs: JobDocument[] }> {
  const store = new EmbeddedReadStore();
  const jobs = store.collection<JobDocument & Doc>(JobsReadModel.collection);
  for (const index of jobsProjection.indexes ?? []) await jobs.ensureIndex(index.fields, { unique: index.unique });
  const catalogue = loadStaticCatalogue();
  const docs: JobDocument[] = [];
  for (let i = 0; i < catalogue.length * 3; i++) {
    const { content } = catalogue[i % catalogue.length]!;
    const variant = Math.floor(i / catalogue.length);
    const owner = i % 7 === 0 ? other : user_id; // another user's jobs are never candidates
    const expires_date = i % 11 === 0 ? '2026-01-01' : null; // nor are expired ones
    const projected = jobsProjection.evolve(null, created(i, owner, { ...content, title: `${['', 'Senior ', 'Lead '][variant]}${content.title}`, expires_date }))!;
    const doc = { ...projected, _id: projected.id, _applied: {} } as JobDocument;
    await jobs.upsert(doc as JobDocument & Doc);
    docs.push(doc);
  }
  return { store, docs };
}

/** What the search must answer: every visible active job ranked by analysing its posting. */
function expected(q: string, docs: JobDocument[], offset: number, limit: number) {
  const visible = docs.filter((doc) => doc.user_id === user_id && doc.expires_date === null);
  const terms = queryTerms(q);
  const postings = visible.filter((doc) => doc.search_terms.some((term) => terms.includes(term))).map(({ search_index: _index, ...posting }) => posting);
  const ranked = rankJobs(q, postings, { corpus: { documentCount: visible.length, documentFrequency: documentFrequencies(terms, postings) } });
  return { ids: ranked.slice(offset, offset + limit).map((doc) => doc.id), total: ranked.length };
}

const search = (store: EmbeddedReadStore, q: string, offset = 0, limit = 20) =>
  new JobQueries(store).search({ q, limit, offset } as JobSearchQuery, { user_id, mine: false }, TODAY);

describe('JobQueries.search ranked by the stored search index', () => {
  it('given the catalogue projected three times over, when searched, then pages and totals are those of ranking every visible posting, and no index is shown', async () => {
    const { store, docs } = await given();
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
    const { store, docs } = await given();
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
