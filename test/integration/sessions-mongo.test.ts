import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { ManualClock } from '../../src/shared/clock';
import { startTwoApis, TestApp, TwoApis } from '../support/app';
import { onBackends } from '../support/real-backends';

onBackends(['MONGODB_URL', 'EVENTSTORE_CONNECTION_STRING'], 'access-token revocation across api processes', ([url, esdb]) =>
  describe('access-token revocation across api processes', () => {
    const db = `jobwise_sessions_${randomUUID().slice(0, 8)}`;
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    const env = { MONGODB_URL: url, MONGODB_DB: db, EVENTSTORE_CONNECTION_STRING: esdb, TOKEN_REVOCATION_CACHE_MS: '1000' };
    let apps: TwoApis | undefined;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      apps = await startTwoApis(env, { clock });
      ({ a, b } = apps);
    });
    afterAll(async () => {
      await apps?.stop();
      const client = await MongoClient.connect(url);
      await client.db(db).dropDatabase();
      await client.close();
    });

    it('a token logged out on one process is refused at once by another that had not cached it', async () => {
      const user = await a.register();
      expect((await a.http.post('/api/v1/auth/logout').set(user.auth).send({})).status).toBe(204);
      expect((await a.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(401);
      expect((await b.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(401);
    });

    it('and within TOKEN_REVOCATION_CACHE_MS by a process that had just accepted it', async () => {
      const user = await a.register();
      expect((await b.http.get('/api/v1/auth/me').set(user.auth)).status).not.toBe(401);
      expect((await a.http.post('/api/v1/auth/logout').set(user.auth).send({})).status).toBe(204);
      clock.advance(1001);
      expect((await b.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(401);
    });
  }),
);
