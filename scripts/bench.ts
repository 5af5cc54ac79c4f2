import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../src/event-store/embedded';
import { commandFigures } from './bench/commands';
import { exportFigures, parseBackFigures } from './bench/exports';
import { generationFigures } from './bench/generations';
import { restartFigures } from './bench/restart';
import { searchFigures } from './bench/search';
import { jobSearchFigures } from './bench/job-search';
import { percentile, runLoad } from './bench/http-client';

/**
 * `npm run bench`: throughput and latency on the embedded adapters, printed, never asserted.
 *   1. raw appends/s to the embedded event store (fsync'd, group-committed);
 *   2. POST /profiles/{id}/experiences through HTTP at 1 and 32 clients: commands/s and their ratio to
 *      a trivial express JSON route measured the same way (the ceiling), and read-your-writes latency
 *      (POST sent → a GET that already shows the new entry returned), scripts/bench/commands.ts;
 *   3. generations end to end: per second at stage-duration scale 0, and one at scale 1;
 *   4. exports per second of each format (src/rendering), one-page and three-page resumes;
 *   5. the export stage's parse-back (render PDF and DOCX, read both back), same resumes;
 *   6. job search (GET /jobs?q= without HTTP) over 70, 10,000 and 100,000 jobs of one user;
 *   7. GET /job-search (profile-ranked, facets) and recommendations over 10,000 active jobs (scripts/bench/job-search.ts);
 *   restarts: cold start until /health/ready and idle RSS over 100k and 300k events, full rebuild events/s.
 */
const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2_000);
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 200);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 50);
const RESTART_SIZES = (process.env.BENCH_RESTART_SIZES ?? '100000,300000').split(',').map(Number);
const SEARCH_SIZES = (process.env.BENCH_SEARCH_SIZES ?? '70,10000,100000').split(',').map(Number);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 80);
const SEARCH_SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);
/** A job write (and the jobs' change marker moved) before every Nth search, in a second run of each size; 0 for none. */
const SEARCH_WRITE_EVERY = Number(process.env.BENCH_SEARCH_WRITE_EVERY ?? 10);
const JOB_SEARCH_SIZE = Number(process.env.BENCH_JOB_SEARCH_SIZE ?? 10_000);

/** BENCH_SECTIONS=commands,search runs only those sections (appends, commands, generations, exports, restart, search, job-search). */
const SECTIONS = process.env.BENCH_SECTIONS?.split(',').map((s) => s.trim());
const runs = (section: string) => !SECTIONS || SECTIONS.includes(section);

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

async function rawAppends(dir: string): Promise<void> {
  const store = await openEmbeddedEventStore(join(dir, 'raw'));
  const metadata = { correlation_id: 'bench', causation_id: null, actor: null, occurred_at: new Date().toISOString(), schema_version: 1 };
  const streams = Array.from({ length: 100 }, () => `bench-${randomUUID()}`);
  const result = await runLoad(APPENDS, 64, async (i) => {
    await store.appendToStream(streams[i % streams.length], [{ event_id: randomUUID(), type: 'BenchEvent', data: { i }, metadata }], 'any');
  });
  await store.close();
  console.log(`raw appends (64 concurrent, 1 event each):  ${fmt(result.per_second)} appends/s  p50 ${fmt(percentile(result.latencies_ms, 50))} ms  p99 ${fmt(percentile(result.latencies_ms, 99))} ms`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jobwise-bench-'));
  console.log(`JobWise benchmark — embedded adapters, Node ${process.version}, load generator in the same process`);
  try {
    if (runs('appends')) await rawAppends(dir);
    if (runs('commands')) await commandFigures(dir, COMMANDS);
    if (runs('generations')) await generationFigures(dir, GENERATIONS, 8);
    if (runs('exports')) await exportFigures(EXPORTS);
    if (runs('exports')) await parseBackFigures(Math.min(EXPORTS, 20));
    if (runs('restart')) await restartFigures(RESTART_SIZES);
    if (runs('search')) await searchFigures(SEARCH_SIZES, SEARCHES, SEARCH_SECONDS, SEARCH_WRITE_EVERY);
    if (runs('job-search')) await jobSearchFigures(JOB_SEARCH_SIZE, SEARCH_SECONDS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
