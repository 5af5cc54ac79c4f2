import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startTestApp, TestApp } from '../support/app';
import { experienceBody, profileBody } from '../support/fixtures';
import { onBackends } from '../support/real-backends';

onBackends(['MONGODB_URL'], 'the API on MongoDB read models', ([url]) => describe('the API on MongoDB read models', () => {
  const db = `jobwise_http_${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MONGODB_URL: url, MONGODB_DB: db });
  });
  afterAll(async () => {
    await t?.stop();
    const client = await MongoClient.connect(url);
    await client.db(db).dropDatabase();
    await client.close();
  });

  it('reads its own writes: every 2xx write is visible to the next GET', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (let i = 0; i < 10; i++) {
      const added = await t.http.post(`/api/v1/profiles/${id}/experiences`).set(user.auth).send(experienceBody({ title: `Role ${i}` }));
      expect(added.status).toBe(201);
      const get = await t.http.get(`/api/v1/profiles/${id}`).set(user.auth);
      expect(get.body.experiences.map((e: { id: string }) => e.id)).toContain(added.body.id);
      expect(get.headers.etag).toBe(`"${i + 2}"`);
    }
    const put = await t.http.put(`/api/v1/profiles/${id}`).set(user.auth).send({ professional_summary: 'On Mongo' });
    expect((await t.http.get('/api/v1/profiles/me').set(user.auth)).body.professional_summary).toBe(put.body.professional_summary);
  });

  it('keeps users apart', async () => {
    const alice = await t.register();
    const bob = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(alice.auth).send(profileBody());
    expect((await t.http.get(`/api/v1/profiles/${created.body.id}`).set(bob.auth)).status).toBe(404);
    expect((await t.http.get('/api/v1/profiles/me').set(bob.auth)).status).toBe(404);
  });

  it('stores the read model in MongoDB, not in memory', async () => {
    const user = await t.register();
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    const client = await MongoClient.connect(url);
    try {
      const doc = await client.db(db).collection<{ _id: string }>('profiles_v1').findOne({ _id: created.body.id });
      expect(doc).toMatchObject({ user_id: user.user_id, version: 1 });
    } finally {
      await client.close();
    }
  });
}));
