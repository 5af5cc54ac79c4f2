import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp, Session } from '../support/app';
import { profileBody } from '../support/fixtures';
import { onBackends } from '../support/real-backends';

/**
 * The Job Search API on MongoDB read models (job_search_v1, jobs_v2, profiles_v1,
 * applications_v1) answers exactly as on the embedded store: the same ranked ids, totals, facets,
 * explanations, recommendations and trends, for a user without a profile and one with the same
 * profile on both.
 */
onBackends(['MONGODB_URL'], 'job search (API-5) on MongoDB', ([url]) => describe('job search (API-5) on MongoDB', () => {
  const db = `jobwise_job_search_${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-04-10T10:00:00.000Z') // the catalogue's latest postings: trends to count;
  let onMongo: TestApp;
  let embedded: TestApp;
  const users: Record<'mongo' | 'embedded', { plain: Session; profiled: Session }> = {} as never;

  beforeAll(async () => {
    [onMongo, embedded] = await Promise.all([startTestApp({ MONGODB_URL: url, MONGODB_DB: db }, undefined, undefined, { clock }), startTestApp({}, undefined, undefined, { clock })]);
    for (const [name, app] of [['mongo', onMongo], ['embedded', embedded]] as const) {
      const [plain, profiled] = await Promise.all([app.register(), app.register()]);
      const res = await app.http.post('/api/v1/profiles').set(profiled.auth).send(profileBody());
      expect(res.status).toBe(201);
      users[name] = { plain, profiled };
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([onMongo?.stop(), embedded?.stop()]);
    const client = await MongoClient.connect(url);
    await client.db(db).dropDatabase();
    await client.close();
  });

  const get = async (app: TestApp, user: Session, path: string, query: Record<string, string>) => {
    const res = await app.http.get(path).query(query).set(user.auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  it.each([
    [{}],
    [{ q: 'kubernetes' }],
    [{ q: 'engineer', remote: 'remote', limit: '5', offset: '2' }],
    [{ experience_level: 'senior', salary_min: '90000' }],
    [{ skills: 'k8s,terraform' }],
    [{ location: 'berlin', posted_within_days: '365' }],
    [{ employment_type: 'full_time', source: 'static', limit: '50' }],
  ])('GET /job-search %j: the same answer as the embedded store, with and without a profile', async (query) => {
    for (const who of ['plain', 'profiled'] as const) {
      const [a, b] = await Promise.all([get(onMongo, users.mongo[who], '/api/v1/job-search', query), get(embedded, users.embedded[who], '/api/v1/job-search', query)]);
      expect(a.total).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
  });

  it('recommendations and trending: the same answers', async () => {
    const [a, b] = await Promise.all([
      get(onMongo, users.mongo.profiled, '/api/v1/job-search/recommendations', { limit: '20' }),
      get(embedded, users.embedded.profiled, '/api/v1/job-search/recommendations', { limit: '20' }),
    ]);
    expect(a.items).toHaveLength(20);
    expect(a).toEqual(b);
    for (const window of ['7', '30']) {
      const [x, y] = await Promise.all([get(onMongo, users.mongo.plain, '/api/v1/job-search/trending', { window }), get(embedded, users.embedded.plain, '/api/v1/job-search/trending', { window })]);
      expect(x.postings.current).toBeGreaterThan(0);
      expect(x.skills.length).toBeGreaterThan(0);
      expect(x).toEqual(y);
    }
  });
}));
