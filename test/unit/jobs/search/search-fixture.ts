import { DomainEnvelope } from '../../../../contracts/events';
import { JobSearchQuery } from '../../../../contracts/jobs/http';
import { JobDocument, JobsReadModel } from '../../../../contracts/jobs/read-model';
import { jobsProjection } from '../../../../projections/jobs';
import { loadStaticCatalogue } from '../../../../src/jobs/catalogue/catalogue';
import { JobQueries } from '../../../../src/jobs/job-queries';
import { documentFrequencies, queryTerms, rankJobs } from '../../../../src/keywords';
import { CheckpointStore } from '../../../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../../../src/read-store/embedded';
import { Doc } from '../../../../src/read-store/port';

/** The catalogue projected three times over for job search: some jobs another user's, some expired. */
export const user_id = '00000000-0000-4000-8000-00000000000a';
export const other = '00000000-0000-4000-8000-00000000000b';
export const TODAY = '2026-01-15';
export const QUERIES = ['kubernetes', 'nurse', 'machine learning engineer', 'react frontend', 'sales', 'engineer', 'product manager', 'java developer', 'c++'];

/** Event positions as the embedded event store writes them: zero-padded, so string order is numeric order. */
export const positionOf = (n: number) => String(n).padStart(16, '0');

export function created(i: number, owner: string, content: object): DomainEnvelope {
  const job_id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return {
    event_id: job_id,
    type: 'JobCreated',
    data: { job_id, source: 'user_created', user_id: owner, status: 'active', catalogue_id: null, content, content_hash: `${'0'.repeat(56)}${String(i).padStart(8, '0')}` },
    metadata: { correlation_id: 'test', causation_id: null, actor: owner, occurred_at: '2026-01-01T00:00:00.000Z', schema_version: 1 },
    stream_id: `job-${job_id}`,
    revision: 0,
    position: positionOf(i),
    recorded_at: '2026-01-01T00:00:00.000Z',
  } as DomainEnvelope;
}

/** The jobs' documents as the projection writes them; with `marked`, its change marker too, as the projector saves it after a batch. */
export async function given(marked = false): Promise<{ store: EmbeddedReadStore; docs: JobDocument[] }> {
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
  if (marked) await markChanged(store, docs.length);
  return { store, docs };
}

/** What the projector does after writing a batch: the jobs' change marker moves to the batch's last position. */
export async function markChanged(store: EmbeddedReadStore, position: number): Promise<void> {
  await new CheckpointStore(store).save(JobsReadModel.name, positionOf(position), positionOf(position));
}

/** What the search must answer: every visible active job ranked by analysing its posting. */
export function expected(q: string, docs: JobDocument[], offset: number, limit: number, owner = user_id) {
  const visible = docs.filter((doc) => !doc._deleted && doc.status === 'active' && doc.user_id === owner && doc.expires_date === null);
  const terms = queryTerms(q);
  const postings = visible.filter((doc) => doc.search_terms.some((term) => terms.includes(term))).map(({ search_index: _index, ...posting }) => posting);
  const ranked = rankJobs(q, postings, { corpus: { documentCount: visible.length, documentFrequency: documentFrequencies(terms, postings) } });
  return { ids: ranked.slice(offset, offset + limit).map((doc) => doc.id), total: ranked.length };
}

export const searchWith = (queries: JobQueries, q: string, offset = 0, limit = 20, caller = user_id) =>
  queries.search({ q, limit, offset } as JobSearchQuery, { user_id: caller, mine: false }, TODAY);
