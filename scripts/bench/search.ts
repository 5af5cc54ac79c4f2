import { createHash, randomUUID } from 'node:crypto';
import { DomainEnvelope } from '../../contracts/events';
import { JobDocument, JobPage, JobsReadModel } from '../../contracts/jobs/read-model';
import { JobSearchQuery } from '../../contracts/jobs/http';
import { JobContent } from '../../contracts/jobs/job';
import { Doc } from '../../src/read-store/port';
import { jobsProjection } from '../../projections/jobs';
import { loadStaticCatalogue } from '../../src/jobs/catalogue/catalogue';
import { JobQueries } from '../../src/jobs/job-queries';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { percentile } from './http-client';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const QUERIES = ['kubernetes', 'nurse', 'machine learning engineer', 'react frontend', 'sales', 'engineer', 'product manager', 'java developer'];
const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead ', 'Staff ', 'Principal '];
const CITIES = ['Berlin', 'London', 'Paris', 'Madrid', 'Zürich', 'Amsterdam', 'Lisbon', 'Vienna', 'Warsaw', 'Prague', 'Dublin'];
const TODAY = '2026-01-15';

/**
 * Job search (JobQueries.search, as GET /jobs?q= runs it without HTTP) on the embedded read store
 * over `size` active jobs of one user, one query at a time. The documents are what the jobs
 * projection makes of JobCreated events: the 70 catalogue postings, varied in title, company,
 * location and date so no two are equal; the projection's own output is reused for every tenth
 * variant (only the fields that do not feed search differ) to keep the 100k build short.
 * Queries run for about `seconds`. Wall time and the process's CPU time per query (which shared
 * load on the machine distorts less) are both given.
 */
export async function searchFigures(sizes: number[], rounds: number, seconds: number, writeEvery: number): Promise<void> {
  for (const size of sizes) {
    const store = new EmbeddedReadStore();
    const user_id = '00000000-0000-4000-8000-ffffffffffff';
    const t0 = performance.now();
    await seedJobs(store, size, user_id);
    const seeded = performance.now() - t0;
    const queries = new JobQueries(store);
    const search = (q: string) => queries.search(pageQuery(q), { user_id, mine: false }, TODAY);
    // Warm-up: JIT, the snapshot of the jobs' terms and each query term's postings in it.
    for (const q of QUERIES) await search(q);
    const readOnly = await timeSearches(search, rounds, seconds);
    console.log(
      `search ${fmt(size).padStart(7)} jobs (${readOnly.count} queries, one client):  ${readOnly.figures}  ` +
        `(${fmt(readOnly.matches)} matches per query; documents built in ${fmt(seeded / 1000)} s; ` +
        `pages of the first ${Math.min(readOnly.count, QUERIES.length)} queries digest to ${readOnly.digest})`,
    );
    console.log(`  p50 by query (ms): ${readOnly.byQuery}`);
    if (writeEvery > 0) {
      const writer = jobWriter(store, size);
      const mixed = await timeSearches(search, rounds, seconds, (i) => (i % writeEvery === 0 ? writer() : undefined));
      console.log(`  with a job write before every ${writeEvery}th search (${mixed.count} queries): ${mixed.figures}  (the write itself not timed)`);
    }
  }
}

/**
 * Up to `rounds` searches of the mix while `seconds` allow (one at least, and the whole mix once
 * when it fits), `before(i)` run untimed before the i-th. Wall and CPU time per search.
 */
async function timeSearches(search: (q: string) => Promise<JobPage>, rounds: number, seconds: number, before?: (i: number) => Promise<void> | undefined) {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  const cpu: number[] = [];
  let matches = 0;
  const digest = createHash('sha256');
  const byQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  for (let i = 0; i < rounds && (i === 0 || performance.now() < deadline); i++) {
    await before?.(i);
    const q = QUERIES[i % QUERIES.length]!;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const page = await search(q);
    latencies.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    byQuery.get(q)!.push(latencies[latencies.length - 1]!);
    matches += page.total;
    if (i < QUERIES.length) digest.update(`${q}:${page.total}:${page.items.map((job) => job.id).join(',')};`);
  }
  return {
    count: latencies.length,
    figures: `p50 ${fmt(percentile(latencies, 50))} ms  p99 ${fmt(percentile(latencies, 99))} ms  CPU p50 ${fmt(percentile(cpu, 50))} ms  p99 ${fmt(percentile(cpu, 99))} ms`,
    matches: matches / latencies.length,
    digest: digest.digest('hex').slice(0, 12),
    byQuery: [...byQuery].filter(([, times]) => times.length > 0).map(([q, times]) => `${q} ${fmt(percentile(times, 50))}`).join(', '),
  };
}

/**
 * What the projector does when a job changes: the document is written again (here one of the
 * user's jobs, its posting date moved), stamped with the event's position, and the jobs' change
 * marker moves, so the next search brings its snapshot of the jobs' terms forward.
 */
function jobWriter(store: EmbeddedReadStore, size: number): () => Promise<void> {
  const jobs = store.collection<JobDocument & Doc>(JobsReadModel.collection);
  const checkpoints = new CheckpointStore(store);
  let written = 0;
  return async () => {
    written++;
    const doc = await jobs.get(jobId((written * 7919) % size));
    if (!doc) return;
    const marker = String(size + written).padStart(16, '0');
    await jobs.upsert({ ...doc, posted_date: `2025-12-${String((written % 28) + 1).padStart(2, '0')}`, changed_position: marker });
    await checkpoints.save(JobsReadModel.name, marker, marker);
  };
}

/** Ids that are the same on every run, so that two builds' pages can be compared by their digest. */
function jobId(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

function pageQuery(q: string): JobSearchQuery {
  return { q, limit: 20, offset: 0 } as JobSearchQuery;
}

async function seedJobs(store: EmbeddedReadStore, size: number, user_id: string): Promise<void> {
  const jobs = store.collection<JobDocument & Doc>(JobsReadModel.collection);
  for (const index of jobsProjection.indexes ?? []) await jobs.ensureIndex(index.fields, { unique: index.unique });
  const catalogue = loadStaticCatalogue();
  const projected: Array<ReturnType<typeof jobsProjection.evolve>> = [];
  for (let i = 0; i < size; i++) {
    const base = catalogue[i % catalogue.length]!;
    const variant = Math.floor(i / catalogue.length);
    const job_id = jobId(i);
    if (variant % 10 === 0) {
      const content = {
        ...base.content,
        title: `${SENIORITY[variant % SENIORITY.length]}${base.content.title}`,
        company: variant === 0 ? base.content.company : `${base.content.company} ${CITIES[variant % CITIES.length]}`,
        location: CITIES[(i + variant) % CITIES.length]!,
        posted_date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        expires_date: null,
      };
      projected[i % catalogue.length] = jobsProjection.evolve(null, created(job_id, user_id, content, `${base.content_hash.slice(0, 56)}${String(i).padStart(8, '0')}`));
    }
    const doc = { ...projected[i % catalogue.length]!, id: job_id, posted_date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` };
    await jobs.upsert({ ...doc, _id: job_id, _applied: { [`job-${job_id}`]: 0 } } as JobDocument & Doc);
  }
  // As the projector does after a batch: searches keep their snapshot of the jobs' terms while this marker stays.
  await new CheckpointStore(store).save(JobsReadModel.name, String(size).padStart(16, '0'));
}

function created(job_id: string, user_id: string, content: JobContent, content_hash: string): DomainEnvelope {
  return {
    event_id: randomUUID(),
    type: 'JobCreated',
    data: { job_id, source: 'user_created', user_id, status: 'active', catalogue_id: null, content, content_hash },
    metadata: { correlation_id: 'bench', causation_id: null, actor: user_id, occurred_at: '2026-01-01T00:00:00.000Z', schema_version: 1 },
    stream_id: `job-${job_id}`,
    revision: 0,
    position: '0',
    recorded_at: '2026-01-01T00:00:00.000Z',
  } as DomainEnvelope;
}
