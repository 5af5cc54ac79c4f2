import { createHash, randomUUID } from 'node:crypto';
import { JobEvent } from '../../../contracts/jobs/events';
import { JobContent, JobContentInput } from '../../../contracts/jobs/job';
import { ProfileSummary } from '../../../contracts/profiles/read-model';
import { Projection } from '../../../contracts/shared/projection';
import { ProjectedDoc } from '../../../contracts/shared/read-model';
import { jobSearchProjection } from '../../../projections/job-search';
import { jobsProjection } from '../../../projections/jobs';
import { analyzeJob } from '../../../src/keywords';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { ReadStore } from '../../../src/read-store/port';
import { envelope as envelopeOf } from '../../support/envelopes';

/** A posting with only what a test names (no default description naming skills by accident). */
export function posting(overrides: Partial<JobContentInput> & { title: string }): JobContent {
  return JobContentInput.parse({ company: 'Fixture Co', description: 'A role on a small team.', ...overrides });
}

export interface FixtureJob {
  id?: string;
  user_id?: string | null;
  status?: 'draft' | 'active';
  content: JobContent;
  /** Record the keyword analysis too (as the catalogue load and POST /jobs do). */
  analysed?: boolean;
  created_at?: string;
}

const PROJECTIONS = [jobSearchProjection, jobsProjection] as unknown as Projection<ProjectedDoc>[];

/** Folds each job's events through the job-search and jobs projections into `store`, as the projector would. */
export async function seedJobs(store: ReadStore, jobs: FixtureJob[]): Promise<string[]> {
  for (const projection of PROJECTIONS) for (const index of projection.indexes ?? []) await store.collection(projection.collection).ensureIndex(index.fields, { unique: index.unique });
  const ids: string[] = [];
  for (const job of jobs) {
    const id = job.id ?? randomUUID();
    ids.push(id);
    const content_hash = createHash('sha256').update(JSON.stringify(job.content)).digest('hex');
    const events: JobEvent[] = [
      { type: 'JobCreated', data: { job_id: id, source: job.user_id ? 'user_created' : 'static', user_id: job.user_id ?? null, status: job.status ?? 'active', catalogue_id: null, content: job.content, content_hash } },
    ];
    if (job.analysed !== false) events.push({ type: 'JobAnalyzed', data: { content_hash, analysis: analyzeJob(job.content) } });
    await applyAll(store, `job-${id}`, events, job.created_at ?? '2026-11-01T09:00:00.000Z');
  }
  return ids;
}

export async function applyAll(store: ReadStore, stream_id: string, events: JobEvent[], occurred_at: string, firstRevision = 0): Promise<void> {
  for (const projection of PROJECTIONS) {
    const collection = store.collection<ProjectedDoc & Record<string, unknown>>(projection.collection);
    const id = stream_id.slice('job-'.length);
    const stored = await collection.get(id);
    let doc = stored ? (({ _id, _applied, ...rest }) => rest)(stored) : null;
    events.forEach((event, i) => {
      doc = projection.evolve(doc as never, envelope(stream_id, event, firstRevision + i, occurred_at)) as typeof doc;
    });
    if (doc) await collection.upsert({ _id: id, _applied: { [stream_id]: firstRevision + events.length - 1 }, ...(doc as object) });
    else if (stored) await collection.upsert({ _id: id, _applied: {}, _deleted: true });
  }
}

const envelope = (stream_id: string, event: JobEvent, revision: number, occurred_at: string) => envelopeOf(event, { stream_id, revision, occurred_at });

export const newStore = () => new EmbeddedReadStore();

/** A condensed profile (what the composition root hands the search): experiences most recent first. */
export function profile(overrides: Partial<ProfileSummary> & { skills: string[]; titles: string[]; months: number }): ProfileSummary {
  const { titles, months, ...rest } = overrides;
  return {
    profile_id: randomUUID(),
    full_name: 'Fixture Person',
    headline: titles[0] ? `${titles[0]} at Somewhere` : null,
    professional_summary: null,
    languages: [],
    certifications: [],
    total_experience_months: months,
    experiences: titles.map((title, i) => ({
      title,
      company: `Company ${i}`,
      start_date: '2020-01',
      end_date: i === 0 ? null : '2021-01',
      is_current: i === 0,
      duration_months: 12,
      description: null,
      achievements: [],
    })),
    education: [],
    projects: [],
    ...rest,
  };
}
