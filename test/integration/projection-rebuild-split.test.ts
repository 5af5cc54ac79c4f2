import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { MongoClient } from 'mongodb';
import { connectMongoReadStore } from '../../src/read-store/mongo';
import { Doc, ReadStore } from '../../src/read-store/port';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { TestServerProcess } from '../support/eventstoredb-server/process';
import { jobBody } from '../support/job-fixtures';
import { onBackends } from '../support/real-backends';
import { ClientFailure, failure, mongoRenamesAtomically, unexcused } from '../support/rebuild-switch';

/**
 * Issue 13 item 5, ADR 0012, in the split topology: an `api` process without the projector role
 * and a separate `projector` process, each its own OS process of the built app, on a private
 * EventStoreDB test server and a fresh MongoDB database. The api process records the rebuild as
 * requested; the projector process picks it up and rebuilds `jobs_v2`; reads through the api
 * keep working and the rebuilt documents equal the ones the live projection had built.
 */
const ADMIN = '/api/v1/admin';
const ADMIN_EMAIL = 'split.rebuild.admin@example.com';

interface Answer {
  status: number;
  headers: Headers | null;
  body: Record<string, any>;
}

async function call(base: string, method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<Answer> {
  try {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  } catch (error) {
    return { status: -1, headers: null, body: { error: (error as Error).message } };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | null>, timeout_ms = 60_000): Promise<T> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout_ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

onBackends(['MONGODB_URL'], 'projection rebuild in the split topology', ([mongoUrl]) => {
  describe('projection rebuild requested through an api process and run by a separate projector process', () => {
    jest.setTimeout(120_000);
    const database = `jobwise_rebuild_split_${randomUUID().slice(0, 8)}`;
    let esdb: TestServerProcess;
    let api: AppProcess;
    let projector: AppProcess;
    let readStore: ReadStore;

    beforeAll(async () => {
      ensureBuilt();
      esdb = await TestServerProcess.start();
      const env = {
        EVENTSTORE_CONNECTION_STRING: esdb.connection_string,
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        JWT_SECRET: 'split-rebuild-secret-of-sufficient-length',
        JOBWISE_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        ADMIN_EMAILS: ADMIN_EMAIL,
        REBUILD_REQUEST_POLL_MS: '200',
      };
      [api, projector] = await Promise.all(['api', 'projector'].map((role) => AppProcess.start(role, env)));
      readStore = await connectMongoReadStore(mongoUrl, database);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([api, projector].filter(Boolean).map((app) => app.stop()));
      await readStore?.close();
      await esdb?.dispose();
      const client = await MongoClient.connect(mongoUrl);
      await client.db(database).dropDatabase();
      await client.close();
    }, 60_000);

    async function register(email: string): Promise<string> {
      const registered = await call(api.url, 'POST', '/api/v1/auth/register', { body: { email, password: 'correct horse battery', full_name: 'Split Rebuild' } });
      if (registered.status !== 201 && registered.status !== 202) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
      return registered.body.access_token as string;
    }

    it('answers 202 with the request, the projector process rebuilds it, reads go on and the documents stay equal', async () => {
      const admin = await register(ADMIN_EMAIL);
      const user = await register(`${randomUUID()}@example.com`);
      const jobs: string[] = [];
      for (let i = 0; i < 5; i++) {
        const created = await call(api.url, 'POST', '/api/v1/jobs', { body: jobBody({ title: `Split seeded ${i}`, status: 'active' }), token: user });
        expect([201, 202]).toContain(created.status);
        jobs.push(created.body.id as string);
      }
      for (const id of jobs) await until(`job ${id} readable`, async () => ((await call(api.url, 'GET', `/api/v1/jobs/${id}`, { token: user })).status === 200 ? true : null));
      const live = readStore.collection<Doc>('jobs_v2');
      const before = new Map((await live.find()).map((doc) => [doc._id, doc]));
      expect([...before.keys()]).toEqual(expect.arrayContaining(jobs));

      // A client that keeps reading through the api until told to stop.
      const failures: ClientFailure[] = [];
      let reads = 0;
      let stop = false;
      const loop = (async () => {
        for (let i = 0; !stop; i++) {
          const read = await call(api.url, 'GET', `/api/v1/jobs/${jobs[i % jobs.length]}`, { token: user });
          reads++;
          if (read.status !== 200) failures.push(failure(`read ${jobs[i % jobs.length]}: ${read.status}`));
          const mine = await call(api.url, 'GET', '/api/v1/jobs/my-jobs?limit=1', { token: user });
          reads++;
          if (mine.status !== 200 || mine.body.total !== jobs.length) failures.push(failure(`my-jobs: ${mine.status}, ${mine.body.total} of ${jobs.length}`));
        }
      })();

      const requested = await call(api.url, 'POST', `${ADMIN}/projections/jobs_v2/rebuild`, { body: { reason: 'split rebuild test' }, token: admin });
      expect(requested.status).toBe(202);
      expect(requested.headers!.get('location')).toBe(`${ADMIN}/projections/jobs_v2/rebuild`);
      expect(requested.body).toMatchObject({ projection: 'jobs_v2', phase: 'requested', collection: 'jobs_v2', building: 'jobs_v2__rebuild', requested_at: expect.any(String), error: null });
      expect(requested.body.requested_by).toEqual(expect.any(String));

      const finished = await until('the rebuild to finish', async () => {
        const status = await call(api.url, 'GET', `${ADMIN}/projections/jobs_v2/rebuild`, { token: admin });
        expect(status.status).toBe(200);
        return status.body.phase === 'completed' || status.body.phase === 'failed' ? status.body : null;
      });
      stop = true;
      await loop;

      expect(finished).toMatchObject({ phase: 'completed', error: null, percent: 100, requested_by: requested.body.requested_by, requested_at: requested.body.requested_at });
      expect(finished.rebuild_id).not.toBe(requested.body.rebuild_id);
      const { switched_at, switch_ms, finished_at } = finished;
      expect(unexcused(failures, { switched_at, switch_ms, finished_at }, await mongoRenamesAtomically(mongoUrl))).toEqual([]);
      expect(reads).toBeGreaterThan(0);

      // Rebuilt documents equal the live ones; nothing of the rebuild is left.
      const after = new Map((await live.find()).map((doc) => [doc._id, doc]));
      expect(after.size).toBe(before.size);
      expect([...before].filter(([id, doc]) => !isDeepStrictEqual(after.get(id), doc)).map(([id]) => id)).toEqual([]);
      const client = await MongoClient.connect(mongoUrl);
      try {
        const names = (await client.db(database).listCollections().toArray()).map((c) => c.name);
        expect(names.filter((name) => name.startsWith('jobs_v2'))).toEqual(['jobs_v2']);
      } finally {
        await client.close();
      }

      // The projector process goes on live from the rebuilt documents.
      const later = await call(api.url, 'POST', '/api/v1/jobs', { body: jobBody({ title: 'Split after the switch', status: 'active' }), token: user });
      expect([201, 202]).toContain(later.status);
      const read = await until('the later job', async () => {
        const answer = await call(api.url, 'GET', `/api/v1/jobs/${later.body.id}`, { token: user });
        return answer.status === 200 ? answer.body : null;
      });
      expect(read.title).toBe('Split after the switch');

      // The projections listing of the api process shows the projector elsewhere and the rebuild completed.
      const listing = await call(api.url, 'GET', `${ADMIN}/projections`, { token: admin });
      expect(listing.body.items.find((p: { name: string }) => p.name === 'jobs_v2')).toMatchObject({ status: 'elsewhere', rebuild: { phase: 'completed' } });
    });

    it('is for admins only through the api process too, and answers 404 for an unknown projection', async () => {
      const login = await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'correct horse battery' } });
      expect(login.status).toBe(200);
      const user = await register(`${randomUUID()}@example.com`);
      expect((await call(api.url, 'POST', `${ADMIN}/projections/jobs_v2/rebuild`, { body: {}, token: user })).status).toBe(403);
      const unknown = await call(api.url, 'POST', `${ADMIN}/projections/nothing_v9/rebuild`, { body: {}, token: login.body.access_token as string });
      expect(unknown.status).toBe(404);
      expect(unknown.headers!.get('content-type')).toContain('application/problem+json');
    });
  });
});
