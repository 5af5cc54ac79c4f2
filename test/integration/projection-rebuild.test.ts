import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { MongoClient } from 'mongodb';
import { TOKENS } from '../../src/container-tokens';
import { EventStore } from '../../src/event-store/port';
import { CheckpointStore } from '../../src/read-store/checkpoints';
import { Doc, ReadStore } from '../../src/read-store/port';
import { startTestApp, TestApp } from '../support/app';
import { jobBody } from '../support/job-fixtures';
import { onBackends } from '../support/real-backends';
import { ClientFailure, failure, mongoRenamesAtomically, unexcused } from '../support/rebuild-switch';

/**
 * Issue 13 item 5, ADR 0012: POST /admin/projections/{name}/rebuild rebuilds `jobs_v2` beside the
 * live collection while a client keeps writing and reading through the API, switches over, and
 * drops the old collection; no read fails or misses a write that was answered, the rebuilt
 * documents equal the ones the live projection had built, and the projection goes on live.
 */
const ADMIN = '/api/v1/admin';
const ADMIN_EMAIL = 'rebuild.admin@example.com';

/** `atomicRename`: whether the store renames a collection over another in one step (see ../support/rebuild-switch). */
function describeRebuild(backend: string, atomicRename: () => Promise<boolean>, env: () => Record<string, string>, collectionNames: (t: TestApp) => Promise<string[]>, cleanup: () => Promise<void> = async () => undefined) {
  describe(`projection rebuild (${backend})`, () => {
    jest.setTimeout(120_000);
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['register']>>;
    let user: Awaited<ReturnType<TestApp['register']>>;
    let readStore: ReadStore;

    beforeAll(async () => {
      t = await startTestApp({ ADMIN_EMAILS: ADMIN_EMAIL, READ_YOUR_WRITES_TIMEOUT_MS: '60000', ...env() });
      admin = await t.register({ email: ADMIN_EMAIL });
      user = await t.register();
      readStore = t.app.container.get<ReadStore>(TOKENS.ReadStore);
    });
    afterAll(async () => {
      await t?.stop();
      await cleanup();
    });

    const rebuildStatus = async () => (await t.http.get(`${ADMIN}/projections/jobs_v2/rebuild`).set(admin.auth)).body;
    const untilFinished = async () => {
      for (;;) {
        const status = await rebuildStatus();
        if (status.phase === 'completed' || status.phase === 'failed') return status;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it('is for admins only: 403 for a user, 401 without a token, 404 for an unknown projection', async () => {
      expect((await t.http.post(`${ADMIN}/projections/jobs_v2/rebuild`).set(user.auth).send({})).status).toBe(403);
      expect((await t.http.get(`${ADMIN}/projections/jobs_v2/rebuild`).set(user.auth)).status).toBe(403);
      expect((await t.http.post(`${ADMIN}/projections/jobs_v2/rebuild`).send({})).status).toBe(401);
      const unknown = await t.http.post(`${ADMIN}/projections/nothing_v9/rebuild`).set(admin.auth).send({});
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect((await t.http.get(`${ADMIN}/projections/jobs_v2/rebuild`).set(admin.auth)).status).toBe(404);
    });

    it('answers 409 while another process rebuilds the projection (its status is fresh), and starts once that one is over', async () => {
      const now = new Date().toISOString();
      const rebuilds = readStore.collection<Doc>('projection_rebuilds');
      const elsewhere = { _id: 'profiles_v1', rebuild_id: randomUUID(), projection: 'profiles_v1', phase: 'rebuilding', started_at: now, updated_at: now };
      await rebuilds.upsert(elsewhere);
      const refused = await t.http.post(`${ADMIN}/projections/profiles_v1/rebuild`).set(admin.auth).send({});
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('being rebuilt');
      await rebuilds.upsert({ ...elsewhere, phase: 'failed' });
      const started = await t.http.post(`${ADMIN}/projections/profiles_v1/rebuild`).set(admin.auth).send({});
      expect(started.status).toBe(202);
      for (;;) {
        const status = (await t.http.get(`${ADMIN}/projections/profiles_v1/rebuild`).set(admin.auth)).body;
        if (status.phase === 'completed') break;
        expect(status.phase).not.toBe('failed');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    it('rebuilds while clients write and read, switches over, drops the old collection and goes on live', async () => {
      const seeded: string[] = [];
      for (let i = 0; i < 5; i++) {
        const created = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ title: `Seeded ${i}`, status: 'active' }));
        expect(created.status).toBe(201);
        seeded.push(created.body.id);
      }
      const updated = await t.http.put(`/api/v1/jobs/${seeded[0]}`).set(user.auth).send(jobBody({ title: 'Seeded, renamed' }));
      expect(updated.status).toBe(200);
      const jobs = readStore.collection<Doc>('jobs_v2');
      // A document no event made: only the old collection holds it, so it goes with it.
      await jobs.upsert({ _id: 'not-from-the-log', _applied: {} });
      const before = new Map((await jobs.find()).map((doc) => [doc._id, doc]));
      expect(before.size).toBeGreaterThan(seeded.length);

      // A client that keeps writing and reading until told to stop.
      const failures: ClientFailure[] = [];
      const created: string[] = [];
      let reads = 0;
      let stop = false;
      const loop = (async () => {
        for (let i = 0; !stop; i++) {
          const write = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ title: `During ${i}`, status: 'active' }));
          if (write.status !== 201) failures.push(failure(`write ${i}: ${write.status}`));
          else created.push(write.body.id);
          for (const id of [...created.slice(-3), seeded[i % seeded.length]]) {
            const read = await t.http.get(`/api/v1/jobs/${id}`).set(user.auth);
            reads++;
            if (read.status !== 200) failures.push(failure(`read ${id}: ${read.status}`));
          }
          const known = seeded.length + created.length;
          const mine = await t.http.get('/api/v1/jobs/my-jobs?limit=1').set(user.auth);
          reads++;
          if (mine.status !== 200 || mine.body.total !== known) failures.push(failure(`my-jobs: ${mine.status}, ${mine.body.total} of ${known}`));
        }
      })();

      while (created.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const started = await t.http.post(`${ADMIN}/projections/jobs_v2/rebuild`).set(admin.auth).send({ reason: 'rebuild test' });
      expect(started.status).toBe(202);
      expect(started.headers.location).toBe(`${ADMIN}/projections/jobs_v2/rebuild`);
      expect(started.body).toMatchObject({ projection: 'jobs_v2', phase: 'rebuilding', collection: 'jobs_v2', building: 'jobs_v2__rebuild' });

      const listing = await t.http.get(`${ADMIN}/projections`).set(admin.auth);
      expect(listing.body.items.find((p: { name: string }) => p.name === 'jobs_v2').rebuild).toMatchObject({ rebuild_id: started.body.rebuild_id });

      const finished = await untilFinished();
      expect(finished).toMatchObject({ phase: 'completed', error: null, percent: 100, behind_events: 0 });
      const switchedWith = created.length;
      while (created.length < switchedWith + 3) await new Promise((resolve) => setTimeout(resolve, 10));
      stop = true;
      await loop;

      expect(unexcused(failures, finished, await atomicRename())).toEqual([]);
      expect(reads).toBeGreaterThan(0);

      // The rebuilt collection holds what the live one had, plus what was written meanwhile.
      const after = new Map((await jobs.find()).map((doc) => [doc._id, doc]));
      expect(after.has('not-from-the-log')).toBe(false);
      before.delete('not-from-the-log');
      const differing = [...before].filter(([id, doc]) => !isDeepStrictEqual(after.get(id), doc)).map(([id]) => id);
      expect(differing).toEqual([]);
      expect(after.size).toBe(before.size + created.length);
      expect((await jobs.get(seeded[0]))?.title).toBe('Seeded, renamed');

      // The old collection is gone, and nothing of the rebuild is left behind.
      const names = await collectionNames(t);
      expect(names).toContain('jobs_v2');
      expect(names.filter((name) => name.startsWith('jobs_v2'))).toEqual(['jobs_v2']);
      expect(await readStore.collection('projection_checkpoints').get('jobs_v2__rebuild')).toBeNull();

      // The projection goes on live from the rebuilt documents.
      const later = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ title: 'After the switch', status: 'active' }));
      expect(later.status).toBe(201);
      expect((await t.http.get(`/api/v1/jobs/${later.body.id}`).set(user.auth)).body.title).toBe('After the switch');
      const head = await t.app.container.get<EventStore>(TOKENS.EventStore).headPosition();
      expect(await new CheckpointStore(readStore).load('jobs_v2')).toBe(head);
      const projections = (await t.http.get(`${ADMIN}/projections`).set(admin.auth)).body.items;
      expect(projections.find((p: { name: string }) => p.name === 'jobs_v2')).toMatchObject({ status: 'live', checkpoint: head, rebuild: { phase: 'completed' } });

      // The rebuild is in the audit, with the admin and the reason.
      const history = await t.http.get(`${ADMIN}/streams/adminaccess-${admin.user_id}/events`).set(admin.auth);
      expect(history.body.items.map((e: { data: unknown }) => e.data)).toContainEqual(expect.objectContaining({ action: 'rebuild', target: 'jobs_v2', reason: 'rebuild test' }));
    });

    it('may run again once the last one ended', async () => {
      const started = await t.http.post(`${ADMIN}/projections/jobs_v2/rebuild`).set(admin.auth).send({});
      expect(started.status).toBe(202);
      expect(await untilFinished()).toMatchObject({ phase: 'completed', rebuild_id: started.body.rebuild_id });
      const mine = await t.http.get('/api/v1/jobs/my-jobs?limit=100').set(user.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThan(5);
    });
  });
}

describeRebuild('embedded', async () => true, () => ({}), async (t) => (t.app.container.get<ReadStore>(TOKENS.ReadStore) as unknown as { collectionNames(): string[] }).collectionNames());

onBackends(['MONGODB_URL'], 'projection rebuild on MongoDB', ([url]) => {
  const db = `jobwise_rebuild_${randomUUID().slice(0, 8)}`;
  const withClient = async <T>(use: (client: MongoClient) => Promise<T>): Promise<T> => {
    const client = await MongoClient.connect(url);
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  };
  describeRebuild(
    'MongoDB',
    () => mongoRenamesAtomically(url),
    () => ({ MONGODB_URL: url, MONGODB_DB: db }),
    () => withClient(async (client) => (await client.db(db).listCollections().toArray()).map((c) => c.name)),
    () => withClient((client) => client.db(db).dropDatabase()).then(() => undefined),
  );
});
