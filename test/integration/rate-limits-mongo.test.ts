import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoRateLimitStore } from '../../src/rate-limit/mongo-store';
import { ManualClock } from '../../src/shared/clock';
import { startTwoApis, TestApp, TwoApis } from '../support/app';
import { onBackends } from '../support/real-backends';

onBackends(['MONGODB_URL'], 'rate limits shared through MongoDB', ([url]) =>
  describe('rate limits shared through MongoDB', () => {
    const db = `jobwise_rl_${randomUUID().slice(0, 8)}`;
    afterAll(async () => {
      const client = await MongoClient.connect(url);
      await client.db(db).dropDatabase();
      await client.close();
    });

    describe('MongoRateLimitStore on this server', () => {
      let store: MongoRateLimitStore;
      beforeAll(async () => {
        store = await MongoRateLimitStore.connect(url, db, 'counters_unit');
      });
      afterAll(() => store.close());

      it('increments atomically under concurrency (findOneAndUpdate with $inc and upsert)', async () => {
        const now = new Date('2026-01-01T00:00:00Z');
        const expires = new Date(now.getTime() + 60_000);
        const counts = await Promise.all(Array.from({ length: 25 }, () => store.increment('k1', now, expires)));
        expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect(await store.get('k1', now)).toMatchObject({ count: 25 });
      });

      it('restarts an expired counter at 1, resets and prunes', async () => {
        const t0 = new Date('2026-01-01T00:00:00Z');
        const t1 = new Date(t0.getTime() + 1000);
        await store.increment('k2', t0, t1);
        await store.increment('k2', t0, t1);
        expect(await store.get('k2', t1)).toBeNull();
        expect((await store.increment('k2', t1, new Date(t1.getTime() + 1000))).count).toBe(1);
        await store.reset('k2');
        expect(await store.get('k2', t1)).toBeNull();
        await store.increment('k3', t0, t1);
        expect(await store.prune(new Date(t1.getTime() + 1))).toBeGreaterThanOrEqual(1);
        expect(await store.get('k3', t0)).toBeNull();
      });
    });

    const esdb = process.env.EVENTSTORE_CONNECTION_STRING;
    // Split roles need an event store every process reaches (the embedded one is one process's).
    (esdb ? describe : describe.skip)('across two api processes (set EVENTSTORE_CONNECTION_STRING too)', () => {
      const clock = new ManualClock('2026-03-01T10:00:00.000Z');
      const env = {
        MONGODB_URL: url,
        MONGODB_DB: db,
        EVENTSTORE_CONNECTION_STRING: esdb ?? '',
        RATE_LIMITS_ENABLED: 'true',
        RATE_LIMITS: JSON.stringify({ 'profiles.read': { limit: 4, window_seconds: 60 }, 'auth.register': { limit: 3, window_seconds: 60 } }),
      };
      let apps: TwoApis | undefined;
      let a: TestApp;
      let b: TestApp;
      beforeAll(async () => {
        apps = await startTwoApis(env, { clock });
        ({ a, b } = apps);
      });
      afterAll(async () => {
        await apps?.stop();
      });

      it('one user\'s quota is shared: requests to either process count against it', async () => {
        const user = await a.register();
        const statuses: number[] = [];
        for (const app of [a, b, a, b, a, b]) statuses.push((await app.http.get('/api/v1/profiles/me').set(user.auth)).status);
        expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
        clock.advance(60_000);
        expect((await b.http.get('/api/v1/profiles/me').set(user.auth)).status).toBe(404);
      });

      it('per-IP register limits are shared too', async () => {
        clock.advance(60_000);
        await a.register();
        await b.register();
        await a.register();
        const refused = await b.http.post('/api/v1/auth/register').send({ email: `${randomUUID()}@example.com`, password: 'long enough pw', full_name: 'X' });
        expect(refused.status).toBe(429);
        expect(refused.headers['retry-after']).toBeDefined();
      });
    });
  }),
);
