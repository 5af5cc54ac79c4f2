import { randomUUID } from 'node:crypto';
import { DomainEnvelope } from '../../contracts/events';
import { JobSearchParams } from '../../contracts/job-search/http';
import { JobContent } from '../../contracts/jobs/job';
import { ProfileSummary } from '../../contracts/profiles/read-model';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc } from '../../contracts/shared/read-model';
import { jobSearchProjection } from '../../projections/job-search';
import { jobsProjection } from '../../projections/jobs';
import { loadStaticCatalogue } from '../../src/jobs/catalogue/catalogue';
import { JobSearchQueries } from '../../src/job-search/job-search-queries';
import { analyzeJob } from '../../src/keywords';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { Doc } from '../../src/read-store/port';
import { percentile } from './http-client';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const NOW = '2026-01-15T10:00:00.000Z';
const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead ', 'Staff ', 'Principal '];
const CITIES = ['Berlin', 'London', 'Paris', 'Madrid', 'Zürich', 'Amsterdam', 'Lisbon', 'Vienna', 'Warsaw', 'Prague', 'Dublin'];
const REMOTE = ['onsite', 'hybrid', 'remote'] as const;

/** The mix of GET /api/v1/job-search queries timed (as the route runs them, without HTTP). */
const SEARCHES: Array<Record<string, string>> = [
  {},
  { remote: 'remote' },
  { location: 'berlin', experience_level: 'senior' },
  { salary_min: '80000', posted_within_days: '30' },
  { skills: 'k8s' },
  { employment_type: 'full_time', offset: '40' },
  { q: 'kubernetes' },
  { q: 'nurse', remote: 'hybrid' },
];

const PROFILE: ProfileSummary = {
  profile_id: randomUUID(),
  full_name: 'Bench',
  headline: 'Senior Backend Engineer at Northwind',
  professional_summary: null,
  skills: ['TypeScript', 'Node.js', 'Kafka', 'PostgreSQL', 'Docker', 'Kubernetes', 'AWS', 'Terraform'],
  languages: [],
  certifications: [],
  total_experience_months: 96,
  experiences: [
    { title: 'Senior Backend Engineer', company: 'Northwind', start_date: '2021-03', end_date: null, is_current: true, duration_months: 58, description: 'Event-driven services in TypeScript on Kafka.', achievements: [] },
    { title: 'Software Engineer', company: 'Contoso', start_date: '2016-10', end_date: '2021-02', is_current: false, duration_months: 53, description: null, achievements: [] },
  ],
  education: [],
  projects: [],
};

/**
 * Job search (issue 14): GET /api/v1/job-search as its route runs it, without HTTP, over `size`
 * active public jobs on the embedded read store, for a user with a profile (ranked by fit) and one
 * without; and the recommendations of the user with a profile. The documents are what the
 * job-search and jobs projections make of JobCreated + JobAnalyzed events for the catalogue's
 * postings in six seniorities, copied under new ids, cities, dates and salaries. The checkpoint
 * stays put while the queries run, so they measure the steady state (the active documents kept in
 * memory); `reload` times the first search after the projection was handed a job event (every
 * document read again).
 */
export async function jobSearchFigures(size: number, seconds: number): Promise<void> {
  const store = new EmbeddedReadStore();
  const t0 = performance.now();
  await seed(store, size);
  const built = performance.now() - t0;
  const withProfile = new JobSearchQueries(store, async () => PROFILE);
  const without = new JobSearchQueries(store, async () => null);
  const user_id = randomUUID();
  const params = SEARCHES.map((query) => JobSearchParams.parse(query));

  // Warm-up: JIT and the ranking memo of job analyses (queries with q).
  for (const p of params) await withProfile.search(p, user_id, NOW);
  await withProfile.recommendations({ limit: 10 }, user_id, NOW);

  const time = async (label: string, run: (i: number) => Promise<unknown>) => {
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    for (let i = 0; i < 2000 && (i < SEARCHES.length || performance.now() < deadline); i++) {
      const started = performance.now();
      await run(i);
      latencies.push(performance.now() - started);
    }
    console.log(`${label.padEnd(52)} ${String(latencies.length).padStart(5)} calls  p50 ${fmt(percentile(latencies, 50))} ms  p99 ${fmt(percentile(latencies, 99))} ms`);
  };
  console.log(`job search over ${fmt(size)} active jobs (documents built in ${fmt(built / 1000)} s), one client:`);
  await time('  GET /job-search, profile-ranked, 8-query mix', (i) => withProfile.search(params[i % params.length]!, user_id, NOW));
  await time('  GET /job-search, profile-ranked, no q', (i) => withProfile.search(params[i % 6]!, user_id, NOW));
  await time('  GET /job-search, no profile, 8-query mix', (i) => without.search(params[i % params.length]!, user_id, NOW));
  await time('  GET /job-search/recommendations?limit=10', () => withProfile.recommendations({ limit: 10 }, user_id, NOW));
  const checkpoints = new CheckpointStore(store);
  let position = size * 2;
  await time('  GET /job-search after a job changed (reload)', async () => {
    const next = String(++position).padStart(16, '0');
    await checkpoints.save(jobSearchProjection.name, next, next);
    await withProfile.search(params[0]!, user_id, NOW);
  });
}

async function seed(store: EmbeddedReadStore, size: number): Promise<void> {
  const projections = [jobSearchProjection, jobsProjection] as unknown as Projection<ProjectedDoc>[];
  for (const projection of projections) for (const index of projection.indexes ?? []) await store.collection(projection.collection).ensureIndex(index.fields, { unique: index.unique });
  const catalogue = loadStaticCatalogue();
  const variants = new Map<string, Array<Record<string, unknown>>>();
  for (let i = 0; i < size; i++) {
    const base = catalogue[i % catalogue.length]!;
    const seniority = SENIORITY[Math.floor(i / catalogue.length) % SENIORITY.length]!;
    const key = `${i % catalogue.length}:${seniority}`;
    if (!variants.has(key)) {
      const content: JobContent = { ...base.content, title: `${seniority}${base.content.title}`, expires_date: null };
      variants.set(key, projections.map((projection) => project(projection, content, base.content_hash)));
    }
    const job_id = randomUUID();
    const posted_date = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const location = CITIES[i % CITIES.length]!;
    const salary_range = i % 3 === 0 ? null : { min: 40_000 + (i % 50) * 1000, max: 60_000 + (i % 80) * 1000, currency: 'EUR', period: 'year' };
    const overrides = { id: job_id, posted_date, location, remote: REMOTE[i % 3], salary_range, salary_annual_max: salary_range?.max ?? null };
    for (const [n, projection] of projections.entries()) {
      const doc = { ...variants.get(key)![n]!, ...overrides };
      if (projection === (jobsProjection as unknown)) delete (doc as Record<string, unknown>).salary_annual_max;
      await store.collection<Doc>(projection.collection).upsert({ ...doc, _id: job_id, _applied: { [`job-${job_id}`]: 1 } } as Doc);
    }
  }
  // As the projector does after a batch: the searches keep the documents while it stays put.
  for (const projection of projections) await new CheckpointStore(store).save(projection.name, String(size * 2).padStart(16, '0'));
}

function project(projection: Projection<ProjectedDoc>, content: JobContent, content_hash: string): Record<string, unknown> {
  const job_id = randomUUID();
  const created = envelope(job_id, 0, { type: 'JobCreated', data: { job_id, source: 'static', user_id: null, status: 'active', catalogue_id: null, content, content_hash } });
  const analysed = envelope(job_id, 1, { type: 'JobAnalyzed', data: { content_hash, analysis: analyzeJob(content) } });
  return projection.evolve(projection.evolve(null, created), analysed) as Record<string, unknown>;
}

function envelope(job_id: string, revision: number, event: { type: string; data: unknown }): DomainEnvelope {
  return {
    event_id: randomUUID(),
    ...event,
    metadata: { correlation_id: 'bench', causation_id: null, actor: null, occurred_at: '2026-01-01T00:00:00.000Z', schema_version: 1 },
    stream_id: `job-${job_id}`,
    revision,
    position: String(revision),
    recorded_at: '2026-01-01T00:00:00.000Z',
  } as DomainEnvelope;
}
