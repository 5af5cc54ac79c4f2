import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { startApp } from '../src/app-process';
import { loadConfig } from '../src/config';
import { openEmbeddedEventStore } from '../src/event-store/embedded';
import { silentLogger } from '../src/shared/logger';
import { exportFigures, parseBackFigures } from './bench/exports';
import { generationFigures } from './bench/generations';
import { restartFigures } from './bench/restart';
import { searchFigures } from './bench/search';
import { JsonClient, percentile, runLoad } from './bench/http-client';

/**
 * `npm run bench`: throughput and latency on the embedded adapters, printed, never asserted.
 *   1. raw appends/s to the embedded event store (fsync'd, group-committed);
 *   2. POST /profiles/{id}/experiences through HTTP: commands/s, and read-your-writes latency
 *      (POST sent → a GET that already shows the new entry returned);
 *   3. a trivial express JSON route measured the same way: the ceiling for (2);
 *   4. generations end to end: per second at stage-duration scale 0, and one at scale 1;
 *   5. exports per second of each format (src/rendering), one-page and three-page resumes;
 *   6. the export stage's parse-back (render PDF and DOCX, read both back), same resumes;
 *   7. job search (GET /jobs?q= without HTTP) over 70, 10,000 and 100,000 jobs of one user;
 *   restarts: cold start until /health/ready and idle RSS over 100k and 300k events, full rebuild events/s.
 */
const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const USERS = 64;
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 200);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 50);
const RESTART_SIZES = (process.env.BENCH_RESTART_SIZES ?? '100000,300000').split(',').map(Number);
const SEARCH_SIZES = (process.env.BENCH_SEARCH_SIZES ?? '70,10000,100000').split(',').map(Number);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 80);
const SEARCH_SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);

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

async function experienceCommands(dir: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: join(dir, 'app'), PORT: '0', HOST: '127.0.0.1', SCRYPT_N: '1024', JWT_SECRET: 'bench-secret', RATE_LIMITS_ENABLED: 'false' }, ['api', 'projector']);
  const app = await startApp(config, silentLogger());
  const client = new JsonClient(app.port);
  const users = await Promise.all(
    Array.from({ length: USERS }, async (_, i) => {
      const reg = await client.request('POST', '/api/v1/auth/register', { email: `bench${i}.${randomUUID()}@example.com`, password: 'bench password', full_name: 'Bench' });
      const auth = { authorization: `Bearer ${reg.body.access_token}` };
      const profile = await client.request('POST', '/api/v1/profiles', { personal_info: { full_name: 'Bench', email: 'bench@example.com' } }, auth);
      return { auth, profile_id: profile.body.id as string };
    }),
  );
  const experience = (i: number) => ({ title: `Engineer ${i}`, company: 'Bench Corp', start_date: '2020-01', is_current: true, achievements: ['Shipped'] });

  const commands = await runLoad(COMMANDS, CONCURRENCY, async (i) => {
    const user = users[i % USERS];
    const res = await client.request('POST', `/api/v1/profiles/${user.profile_id}/experiences`, experience(i), user.auth);
    if (res.status !== 201) throw new Error(`POST failed: ${res.status}`);
  });
  console.log(`POST experiences (${CONCURRENCY} concurrent):       ${fmt(commands.per_second)} commands/s  p50 ${fmt(percentile(commands.latencies_ms, 50))} ms  p99 ${fmt(percentile(commands.latencies_ms, 99))} ms`);

  const ryw = await runLoad(Math.min(COMMANDS, 1000), CONCURRENCY, async (i) => {
    const user = users[i % USERS];
    const res = await client.request('POST', `/api/v1/profiles/${user.profile_id}/experiences`, experience(i), user.auth);
    const get = await client.request('GET', `/api/v1/profiles/${user.profile_id}`, undefined, user.auth);
    if (!get.body.experiences.some((e: { id: string }) => e.id === res.body.id)) throw new Error('read-your-writes violated');
  });
  console.log(`read-your-writes (POST then GET sees it):  p50 ${fmt(percentile(ryw.latencies_ms, 50))} ms  p99 ${fmt(percentile(ryw.latencies_ms, 99))} ms  (${fmt(ryw.per_second)} pairs/s)`);
  client.close();
  await app.stop();
}

async function trivialCeiling(): Promise<void> {
  const app = express();
  app.get('/ping', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const client = new JsonClient((server.address() as { port: number }).port);
  const result = await runLoad(COMMANDS * 5, CONCURRENCY, async () => {
    await client.request('GET', '/ping');
  });
  console.log(`ceiling: trivial express JSON route:        ${fmt(result.per_second)} requests/s  p50 ${fmt(percentile(result.latencies_ms, 50))} ms  p99 ${fmt(percentile(result.latencies_ms, 99))} ms`);
  client.close();
  await new Promise((resolve) => server.close(resolve));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jobwise-bench-'));
  console.log(`JobWise benchmark — embedded adapters, Node ${process.version}, load generator in the same process`);
  try {
    await rawAppends(dir);
    await experienceCommands(dir);
    await trivialCeiling();
    await generationFigures(dir, GENERATIONS, 8);
    await exportFigures(EXPORTS);
    await parseBackFigures(Math.min(EXPORTS, 20));
    await restartFigures(RESTART_SIZES);
    await searchFigures(SEARCH_SIZES, SEARCHES, SEARCH_SECONDS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
