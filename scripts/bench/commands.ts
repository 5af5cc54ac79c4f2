import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { startApp } from '../../src/app-process';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/shared/logger';
import { JsonClient, LoadResult, percentile, runLoad } from './http-client';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const ratio = (n: number) => n.toFixed(2);
const USERS = 256;
const CLIENTS = [1, 32];

/**
 * The write path against its ceiling, both measured in this run with the same client:
 *   - the ceiling: a trivial express JSON route (GET /ping);
 *   - commands: POST /profiles/{id}/experiences (validated, appended and fsync'd, projected before
 *     the answer), as requests/s and as a ratio of the ceiling, at 1 and 32 concurrent clients;
 *   - read-your-writes: POST then a GET of the profile that already shows the entry, per pair.
 * Each also as CPU time per request (this process, client included) and its ratio: on a shared
 * machine wall-clock rates swing with the neighbours' load, CPU time much less.
 * `commands` requests per measurement, after a warm-up of a tenth as many.
 * First the floor under every acknowledged command: one fsync'd append on this disk.
 */
export async function commandFigures(dir: string, commands: number): Promise<void> {
  await fsyncFloor(join(dir, 'fsync-floor'));
  const ceiling = await trivialCeiling(commands);
  const config = loadConfig(
    { DATA_DIR: join(dir, 'app'), PORT: '0', HOST: '127.0.0.1', SCRYPT_N: '1024', JWT_SECRET: 'bench-secret', RATE_LIMITS_ENABLED: 'false' },
    ['api', 'projector'],
  );
  const app = await startApp(config, silentLogger());
  const client = new JsonClient(app.port);
  try {
    const users = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const reg = await client.request('POST', '/api/v1/auth/register', { email: `bench${i}.${randomUUID()}@example.com`, password: 'bench password', full_name: 'Bench' });
        const auth = { authorization: `Bearer ${reg.body.access_token}` };
        const profile = await client.request('POST', '/api/v1/profiles', { personal_info: { full_name: 'Bench', email: 'bench@example.com' } }, auth);
        return { auth, profile_id: profile.body.id as string };
      }),
    );
    const experience = (i: number) => ({ title: `Engineer ${i}`, company: 'Bench Corp', start_date: '2020-01', is_current: true, achievements: ['Shipped'] });
    const post = async (i: number) => {
      const user = users[i % USERS]!;
      const res = await client.request('POST', `/api/v1/profiles/${user.profile_id}/experiences`, experience(i), user.auth);
      if (res.status !== 201) throw new Error(`POST failed: ${res.status}`);
      return { user, id: res.body.id as string };
    };
    const postThenGet = async (i: number) => {
      const { user, id } = await post(i);
      const get = await client.request('GET', `/api/v1/profiles/${user.profile_id}`, undefined, user.auth);
      if (!get.body.experiences.some((e: { id: string }) => e.id === id)) throw new Error('read-your-writes violated');
    };
    for (const clients of CLIENTS) {
      await runLoad(Math.ceil(commands / 10), clients, async (i) => void (await post(i)));
      const result = await runLoad(commands, clients, async (i) => void (await post(i)));
      const base = ceiling.get(clients)!;
      console.log(
        `POST experiences (${String(clients).padStart(2)} client${clients === 1 ? ' ' : 's'}):  ${fmt(result.per_second)} commands/s  ` +
          `p50 ${fmt(percentile(result.latencies_ms, 50))} ms  p99 ${fmt(percentile(result.latencies_ms, 99))} ms  ` +
          `ratio to the ceiling ${ratio(result.per_second / base.per_second)}  ` +
          `(CPU ${fmt(result.cpu_us_per_op)} µs/command, ratio ${ratio(base.cpu_us_per_op / result.cpu_us_per_op)})`,
      );
    }
    for (const clients of CLIENTS) {
      const ryw = await runLoad(Math.min(commands, 1000), clients, postThenGet);
      console.log(
        `read-your-writes (${String(clients).padStart(2)} client${clients === 1 ? ' ' : 's'}, POST then GET sees it):  ` +
          `p50 ${fmt(percentile(ryw.latencies_ms, 50))} ms  p99 ${fmt(percentile(ryw.latencies_ms, 99))} ms  (${fmt(ryw.per_second)} pairs/s)`,
      );
    }
  } finally {
    client.close();
    await app.stop();
  }
}

/** GET /ping on a bare express app, at each client count: what an HTTP round trip costs here. */
async function trivialCeiling(commands: number): Promise<Map<number, LoadResult>> {
  const app = express();
  app.get('/ping', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const client = new JsonClient((server.address() as { port: number }).port);
  const results = new Map<number, LoadResult>();
  try {
    for (const clients of CLIENTS) {
      await runLoad(commands, clients, async () => void (await client.request('GET', '/ping')));
      const result = await runLoad(commands * 2, clients, async () => void (await client.request('GET', '/ping')));
      results.set(clients, result);
      console.log(
        `ceiling: trivial express JSON route (${String(clients).padStart(2)} client${clients === 1 ? ' ' : 's'}):  ${fmt(result.per_second)} requests/s  ` +
          `p50 ${fmt(percentile(result.latencies_ms, 50))} ms  p99 ${fmt(percentile(result.latencies_ms, 99))} ms  (CPU ${fmt(result.cpu_us_per_op)} µs/request)`,
      );
    }
  } finally {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return results;
}

/**
 * What one durable append costs on this disk, without the app: a 300-byte write and an
 * fdatasync, as the embedded event log does per commit. A command answered only after its
 * events are fsync'd can be no faster, whatever the code does.
 */
async function fsyncFloor(dir: string, appends = 300): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = await open(join(dir, 'log'), 'a');
  const bytes = Buffer.alloc(300, 1);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < appends; i++) {
      const started = process.hrtime.bigint();
      await file.write(bytes);
      await file.datasync();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await file.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`floor: one fsync'd 300-byte append on this disk (${appends} in a row):  p50 ${fmt(percentile(latencies, 50))} ms  p99 ${fmt(percentile(latencies, 99))} ms`);
}
