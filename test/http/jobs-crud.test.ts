import { staticJobId } from '../../src/jobs/catalogue/catalogue';
import { Session, startTestApp, TestApp } from '../support/app';
import { jobBody } from '../support/job-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const BASE = '/api/v1/jobs';
const STATIC_ID = staticJobId('static-001');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function createJob(user: Session, body: Record<string, unknown> = jobBody()) {
  const res = await t.http.post(BASE).set(user.auth).send(body);
  expect(res.status).toBe(201);
  return res;
}

describe('POST /api/v1/jobs', () => {
  it('creates a draft of your own, analysed at once, and an immediate GET sees it', async () => {
    const user = await t.register();
    const res = await createJob(user);
    expect(res.body).toMatchObject({
      source: 'user_created',
      user_id: user.user_id,
      status: 'draft',
      title: 'Senior Platform Engineer',
      salary_range: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    expect(res.headers.location).toBe(`${BASE}/${res.body.id}`);
    expect(res.body.analysis.required_skills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
    expect(res.body.keywords_extracted).toEqual(expect.arrayContaining(['Kubernetes', 'Prometheus']));
    expect(res.body.priority_keywords.length).toBeGreaterThan(0);
    expect(res.body.skills).toContain('Kubernetes');
    expect(res.body).not.toHaveProperty('search_terms');

    const get = await t.http.get(`${BASE}/${res.body.id}`).set(user.auth);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(res.body);
    expect(get.headers.etag).toBe('"2"');
  });

  it('creates an active job when asked', async () => {
    const user = await t.register();
    const res = await createJob(user, jobBody({ status: 'active' }));
    expect(res.body.status).toBe('active');
  });

  it('applies defaults to the optional fields', async () => {
    const user = await t.register();
    const res = await createJob(user, { title: 'Baker', company: 'Crumb & Co', description: 'Bake sourdough bread every morning for our two shops.' });
    expect(res.body).toMatchObject({ location: null, remote: null, salary_range: null, requirements: [], benefits: [], status: 'draft' });
  });

  it('lists every invalid field by path and stores nothing', async () => {
    const user = await t.register();
    const body = jobBody({
      title: '',
      remote: 'sometimes',
      salary_range: { min: 90000, max: 10000, currency: 'euro', period: 'year' },
      posted_date: '2026-05-01',
      expires_date: '2026-04-01',
      status: 'expired',
      application_url: 'ftp://example.com',
      titel: 'typo',
    });
    const res = await t.http.post(BASE).set(user.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'body.title',
        'body.remote',
        'body.salary_range.currency',
        'body.status',
        'body.application_url',
        'body.titel',
      ]),
    );
    const mine = await t.http.get(`${BASE}/my-jobs`).set(user.auth);
    expect(mine.body.total).toBe(0);
  });

  it('reports cross-field problems once the fields themselves are valid', async () => {
    const user = await t.register();
    const res = await t.http
      .post(BASE)
      .set(user.auth)
      .send(jobBody({ salary_range: { min: 90000, max: 10000, currency: 'EUR', period: 'year' }, posted_date: '2026-05-01', expires_date: '2026-04-01' }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.salary_range.min', 'body.expires_date']));
  });

  it('refuses to create an active job whose expires_date has passed', async () => {
    const user = await t.register();
    const res = await t.http.post(BASE).set(user.auth).send(jobBody({ status: 'active', posted_date: '2020-01-01', expires_date: '2020-02-01' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('JOB.INVALID_TRANSITION');
  });

  it('requires authentication', async () => {
    expect((await t.http.post(BASE).send(jobBody())).status).toBe(401);
    const bad = await t.http.post(BASE).set('Authorization', 'Bearer not-a-token').send(jobBody());
    expect(bad.status).toBe(401);
  });
});

describe('GET /api/v1/jobs/{id}', () => {
  it('shows a static job to any user, read from the catalogue', async () => {
    const user = await t.register();
    const res = await t.http.get(`${BASE}/${STATIC_ID}`).set(user.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: STATIC_ID, source: 'static', user_id: null, catalogue_id: 'static-001', title: 'Senior Backend Engineer (Node.js)' });
    expect(res.body.analysis.analyzer_version).toMatch(/^keywords-/);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
  });

  it("hides another user's job as 404, worded as for a job that does not exist", async () => {
    const owner = await t.register();
    const job = (await createJob(owner)).body;
    const mallory = await t.register();
    const res = await t.http.get(`${BASE}/${job.id}`).set(mallory.auth);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'JOB.NOT_FOUND' });
    const unknown = await t.http.get(`${BASE}/${UNKNOWN_ID}`).set(mallory.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(res.body.detail);
  });

  it('rejects a malformed id with a 400 naming the parameter', async () => {
    const user = await t.register();
    const res = await t.http.get(`${BASE}/not-a-uuid`).set(user.auth);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'params.id', message: 'must be a UUID' }]);
  });

  it('requires authentication', async () => {
    expect((await t.http.get(`${BASE}/${STATIC_ID}`)).status).toBe(401);
  });
});

describe('PUT /api/v1/jobs/{id}', () => {
  it('replaces the content, re-analyses it, and an immediate GET sees it', async () => {
    const user = await t.register();
    const job = (await createJob(user)).body;
    const body = jobBody({ title: 'Staff Data Engineer', requirements: ['Expert SQL and dbt', 'Apache Spark at scale', 'Airflow'] });
    const res = await t.http.put(`${BASE}/${job.id}`).set(user.auth).send(body);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    expect(res.body).toMatchObject({ title: 'Staff Data Engineer', version: 4, created_at: job.created_at });
    expect(res.body.analysis.required_skills).toEqual(expect.arrayContaining(['Apache Spark']));
    expect(res.body.skills).toEqual(expect.arrayContaining(['Apache Spark', 'SQL']));
    const get = await t.http.get(`${BASE}/${job.id}`).set(user.auth);
    expect(get.body).toEqual(res.body);
  });

  it('changes nothing when the content is the same', async () => {
    const user = await t.register();
    const job = (await createJob(user)).body;
    const res = await t.http.put(`${BASE}/${job.id}`).set(user.auth).send(jobBody());
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(job.version);
  });

  it('honours If-Match: a stale version is 412 and changes nothing', async () => {
    const user = await t.register();
    const job = (await createJob(user)).body;
    const ok = await t.http.put(`${BASE}/${job.id}`).set(user.auth).set('If-Match', '"2"').send(jobBody({ title: 'v2' }));
    expect(ok.status).toBe(200);
    const stale = await t.http.put(`${BASE}/${job.id}`).set(user.auth).set('If-Match', '"2"').send(jobBody({ title: 'v3' }));
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CONCURRENCY.VERSION_MISMATCH');
    expect((await t.http.get(`${BASE}/${job.id}`).set(user.auth)).body.title).toBe('v2');
  });

  it('validates the body like POST', async () => {
    const user = await t.register();
    const job = (await createJob(user)).body;
    const res = await t.http.put(`${BASE}/${job.id}`).set(user.auth).send({ title: 'Only a title' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.company', 'body.description']));
  });
});

describe('DELETE /api/v1/jobs/{id}', () => {
  it('deletes your job from every read', async () => {
    const user = await t.register();
    const job = (await createJob(user)).body;
    const stale = await t.http.delete(`${BASE}/${job.id}`).set(user.auth).set('If-Match', '"1"');
    expect(stale.status).toBe(412);
    expect((await t.http.delete(`${BASE}/${job.id}`).set(user.auth).set('If-Match', '"2"')).status).toBe(204);
    expect((await t.http.get(`${BASE}/${job.id}`).set(user.auth)).status).toBe(404);
    expect((await t.http.get(`${BASE}/my-jobs`).set(user.auth)).body.total).toBe(0);
    expect((await t.http.delete(`${BASE}/${job.id}`).set(user.auth)).status).toBe(404);
  });
});

describe('ownership', () => {
  it("hides another user's job as 404 on every route", async () => {
    const owner = await t.register();
    const job = (await createJob(owner)).body;
    const mallory = await t.register();
    const attempts = [
      t.http.get(`${BASE}/${job.id}`),
      t.http.put(`${BASE}/${job.id}`).send(jobBody({ title: 'pwned' })),
      t.http.delete(`${BASE}/${job.id}`),
      t.http.put(`${BASE}/${job.id}/status`).send({ status: 'active' }),
      t.http.post(`${BASE}/${job.id}/analyze`),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set(mallory.auth);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'JOB.NOT_FOUND' });
    }
    const intact = await t.http.get(`${BASE}/${job.id}`).set(owner.auth);
    expect(intact.body).toEqual(job);
  });

  it('keeps static jobs read-only for users (403), while they stay readable', async () => {
    const user = await t.register();
    const attempts = [
      t.http.put(`${BASE}/${STATIC_ID}`).send(jobBody()),
      t.http.delete(`${BASE}/${STATIC_ID}`),
      t.http.put(`${BASE}/${STATIC_ID}/status`).send({ status: 'archived' }),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set(user.auth);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'JOB.READ_ONLY' });
    }
    const res = await t.http.get(`${BASE}/${STATIC_ID}`).set(user.auth);
    expect(res.body).toMatchObject({ source: 'static', title: 'Senior Backend Engineer (Node.js)' });
  });

  it('answers 404 for writes to a job that does not exist', async () => {
    const user = await t.register();
    expect((await t.http.put(`${BASE}/${UNKNOWN_ID}`).set(user.auth).send(jobBody())).status).toBe(404);
    expect((await t.http.delete(`${BASE}/${UNKNOWN_ID}`).set(user.auth)).status).toBe(404);
  });
});
