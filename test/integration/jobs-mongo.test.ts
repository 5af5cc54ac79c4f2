import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startTestApp, TestApp, Session } from '../support/app';
import { onBackends } from '../support/real-backends';

/**
 * Job search on MongoDB read models gives exactly what it gives on the embedded store:
 * the same ranked ids, the same totals, the same pages.
 */
onBackends(['MONGODB_URL'], 'job search on MongoDB', ([url]) => describe('job search on MongoDB', () => {
  const db = `jobwise_jobs_${randomUUID().slice(0, 8)}`;
  let onMongo: TestApp;
  let embedded: TestApp;
  let mongoUser: Session;
  let embeddedUser: Session;

  beforeAll(async () => {
    [onMongo, embedded] = await Promise.all([startTestApp({ MONGODB_URL: url, MONGODB_DB: db }), startTestApp()]);
    [mongoUser, embeddedUser] = await Promise.all([onMongo.register(), embedded.register()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([onMongo?.stop(), embedded?.stop()]);
    const client = await MongoClient.connect(url);
    await client.db(db).dropDatabase();
    await client.close();
  });

  const search = async (app: TestApp, user: Session, query: Record<string, string>) => {
    const res = await app.http.get('/api/v1/jobs').query(query).set(user.auth);
    expect(res.status).toBe(200);
    return { total: res.body.total, ids: res.body.items.map((job: { id: string }) => job.id), titles: res.body.items.map((job: { title: string }) => job.title) };
  };

  it.each([
    [{ q: 'kubernetes' }],
    [{ q: 'nurse' }],
    [{ q: 'machine learning engineer' }],
    [{ q: 'react frontend', limit: '5', offset: '2' }],
    [{ remote: 'remote', experience_level: 'senior' }],
    [{ skills: 'k8s,terraform' }],
    [{ location: 'berlin' }],
    [{ q: 'sales', employment_type: 'full_time', limit: '3' }],
  ])('answers %j exactly as the embedded store does', async (query) => {
    const [a, b] = await Promise.all([search(onMongo, mongoUser, query), search(embedded, embeddedUser, query)]);
    expect(a).toEqual(b);
  });

  it('ranks relevant jobs first and counts every match', async () => {
    const page = await search(onMongo, mongoUser, { q: 'kubernetes', limit: '2' });
    expect(page.total).toBeGreaterThan(2);
    expect(page.titles.join(' ')).toMatch(/devops|platform|site reliability|sre|infrastructure|cloud/i);
  });
}));
