import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { ABANDONED, REPLAYS_COLLECTION } from '../../src/admin/replays';
import { TOKENS } from '../../src/container-tokens';
import { Doc, ReadStore } from '../../src/read-store/port';
import { startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { profileBody } from '../support/fixtures';
import { onBackends } from '../support/real-backends';

/**
 * Issue 13 item 6, "progress is visible": a replay's status is written to the read store as it
 * runs, so an api process that did not start it shows it, and so does one started after the
 * process that ran it stopped; a running replay whose status stopped moving shows as failed.
 */
const ADMIN = '/api/v1/admin';

onBackends(['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URL'], 'replay progress across api processes', ([esdb, url]) =>
  describe('replay progress across api processes', () => {
    jest.setTimeout(60_000);
    const db = `jobwise_replays_${randomUUID().slice(0, 8)}`;
    // The event store is shared between runs: a fresh admin e-mail each time.
    const admin_email = `replays.${randomBytes(4).toString('hex')}@example.com`;
    const env = { EVENTSTORE_CONNECTION_STRING: esdb, MONGODB_URL: url, MONGODB_DB: db, ADMIN_EMAILS: admin_email };
    const running: TestApp[] = [];
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      a = await startTestApp(env, undefined, ['api', 'projector']);
      running.push(a);
      b = await startTestApp(env, undefined, ['api']);
      running.push(b);
    });
    afterAll(async () => {
      for (const app of running) await app.stop();
      const client = await MongoClient.connect(url);
      await client.db(db).dropDatabase();
      await client.close();
    });

    it('shows a replay started on one api process on another, and after the first one stopped', async () => {
      const admin = await a.register({ email: admin_email });
      const user = await a.register();
      const created = await a.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
      expect(created.status).toBe(201);
      expect((await a.http.put(`/api/v1/profiles/${created.body.id}`).set(user.auth).send({ professional_summary: 'Replayed.' })).status).toBe(200);

      const started = await a.http.post(`${ADMIN}/replays`).set(admin.auth).send({ stream_prefix: `profile-${created.body.id}`, reason: 'shared progress' });
      expect(started.status).toBe(202);
      const path = `${ADMIN}/replays/${started.body.replay_id}`;

      // b never ran it: what it shows comes from the store.
      expect((await b.http.get(path).set(user.auth)).status).toBe(403);
      const seenByB = await eventually(async () => {
        const res = await b.http.get(path).set(admin.auth);
        return res.status === 200 && res.body.status === 'completed' ? res.body : undefined;
      }, 'the replay completed, as b sees it');
      expect(seenByB).toMatchObject({ replay_id: started.body.replay_id, published: 2, error: null, request: { stream_prefix: `profile-${created.body.id}` } });
      // The reason an admin typed stays in the audit event (encrypted, erasable), not in the shared status.
      expect(started.body.request).not.toHaveProperty('reason');
      expect(JSON.stringify(seenByB)).not.toContain('shared progress');
      expect(seenByB.scanned).toBeGreaterThanOrEqual(2);
      expect(seenByB.finished_at).not.toBeNull();

      // a stops; an api process started afterwards shows the same.
      await a.stop();
      running.splice(running.indexOf(a), 1);
      const c = await startTestApp(env, undefined, ['api']);
      running.push(c);
      const seenByC = await c.http.get(path).set(admin.auth);
      expect(seenByC.status).toBe(200);
      expect(seenByC.body).toEqual(seenByB);
      expect((await c.http.get(`${ADMIN}/replays/${randomUUID()}`).set(admin.auth)).status).toBe(404);

      // A replay whose process died mid-way: its status stopped moving, so it shows as failed, not running for ever.
      const store = c.app.container.get<ReadStore>(TOKENS.ReadStore);
      const stale = new Date(Date.now() - 5 * 60_000).toISOString();
      const orphan = { ...seenByB, replay_id: randomUUID(), status: 'running', finished_at: null, published: 1, started_at: stale };
      await store.collection<Doc>(REPLAYS_COLLECTION).upsert({ ...orphan, _id: orphan.replay_id, updated_at: stale });
      const shown = await c.http.get(`${ADMIN}/replays/${orphan.replay_id}`).set(admin.auth);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ status: 'failed', error: ABANDONED, published: 1, position: orphan.position });

      // One that is still moving shows as running.
      const moving = { ...orphan, replay_id: randomUUID() };
      await store.collection<Doc>(REPLAYS_COLLECTION).upsert({ ...moving, _id: moving.replay_id, updated_at: new Date().toISOString() });
      expect((await c.http.get(`${ADMIN}/replays/${moving.replay_id}`).set(admin.auth)).body).toMatchObject({ status: 'running', error: null });
    });
  }),
);

describe('replay progress on the embedded stores', () => {
  it('is still shown after the app restarts on the same data directory', async () => {
    const email = 'replays.embedded@example.com';
    const first = await startTestApp({ ADMIN_EMAILS: email });
    const data_dir = first.data_dir;
    let path = '';
    let shown: unknown;
    let stopped = false;
    try {
      const admin = await first.register({ email });
      const user = await first.register();
      const created = await first.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
      expect(created.status).toBe(201);
      const started = await first.http.post(`${ADMIN}/replays`).set(admin.auth).send({ stream_prefix: `profile-${created.body.id}` });
      expect(started.status).toBe(202);
      path = `${ADMIN}/replays/${started.body.replay_id}`;
      shown = await eventually(async () => {
        const res = await first.http.get(path).set(admin.auth);
        return res.body.status === 'completed' ? res.body : undefined;
      }, 'the replay');
      await first.app.stop();
      stopped = true;
      const again = await startTestApp({ ADMIN_EMAILS: email }, data_dir);
      try {
        const login = await again.http.post('/api/v1/auth/login').send({ email, password: admin.password });
        const res = await again.http.get(path).set({ Authorization: `Bearer ${login.body.access_token}` });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(shown);
      } finally {
        await again.stop();
      }
    } finally {
      if (!stopped) await first.app.stop();
      rmSync(data_dir, { recursive: true, force: true });
    }
  }, 60_000);
});
