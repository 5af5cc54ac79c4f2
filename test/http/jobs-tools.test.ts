import { ConversionResult, JobTemplate, ValidationResult } from '../../contracts/jobs/job';
import { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { JobView } from '../../contracts/jobs/read-model';
import { staticJobId } from '../../src/jobs/catalogue/catalogue';
import { Session, startTestApp, TestApp } from '../support/app';
import { jobBody } from '../support/job-fixtures';

let t: TestApp;
let user: Session;
beforeAll(async () => {
  t = await startTestApp();
  user = await t.register();
});
afterAll(() => t.stop());

const BASE = '/api/v1/jobs';

const POSTING = `Senior Data Engineer at Fjordline Energy
Location: Oslo, Norway
Employment type: Full-time

Fjordline Energy trades renewable power across the Nordic market. Our data platform team builds the pipelines that feed trading, forecasting and settlement.

Requirements:
- 5+ years building data pipelines in Python and SQL
- Experience with Apache Airflow and dbt
- Nice to have: Apache Kafka

Responsibilities:
- Build and run batch and streaming pipelines
- Model trading data for analysts`;

describe('GET /api/v1/jobs/template', () => {
  it('returns a filled example and a row per field; the example can be posted as it is', async () => {
    const res = await t.http.get(`${BASE}/template`).set(user.auth);
    expect(res.status).toBe(200);
    const template = JobTemplate.parse(res.body);
    expect(template.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['title', 'company', 'description', 'remote', 'salary_range']));
    expect(template.fields.find((f) => f.name === 'remote')!.allowed_values).toEqual(['onsite', 'hybrid', 'remote']);
    const created = await t.http.post(BASE).set(user.auth).send(res.body.example);
    expect(created.status).toBe(201);
  });

  it('requires authentication', async () => {
    expect((await t.http.get(`${BASE}/template`)).status).toBe(401);
  });
});

describe('POST /api/v1/jobs/convert-text', () => {
  it('turns a pasted posting into a draft with confidences, and stores nothing', async () => {
    const viewer = await t.register();
    const res = await t.http.post(`${BASE}/convert-text`).set(viewer.auth).send({ raw_text: POSTING });
    expect(res.status).toBe(200);
    const result = ConversionResult.parse(res.body);
    expect(result.job).toMatchObject({ title: 'Senior Data Engineer', company: 'Fjordline Energy', location: 'Oslo, Norway', employment_type: 'full_time' });
    expect(result.job.requirements).toHaveLength(3);
    expect(result.confidence.title).toBeGreaterThan(0.5);
    expect((await t.http.get(`${BASE}/my-jobs`).set(viewer.auth)).body.total).toBe(0);
  });

  it('reads the company from "<Title> / <Company> — <Place> (Hybrid)", offered below what a label would get', async () => {
    const raw_text = 'Senior Frontend Engineer / Lumen Health — Boston, MA (Hybrid)\n\nWe build scheduling software for clinics.';
    const res = await t.http.post(`${BASE}/convert-text`).set(user.auth).send({ raw_text });
    expect(res.status).toBe(200);
    const result = ConversionResult.parse(res.body);
    expect(result.job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health', location: 'Boston, MA', remote: 'hybrid' });
    expect(result.confidence.company).toBeGreaterThan(0);
    expect(result.confidence.company).toBeLessThan(0.95);
  });

  it('leaves the company empty for "<Title> / Remote", with a warning', async () => {
    const res = await t.http.post(`${BASE}/convert-text`).set(user.auth).send({ raw_text: 'Senior Frontend Engineer / Remote\n\nWe build scheduling software.' });
    expect(res.status).toBe(200);
    const result = ConversionResult.parse(res.body);
    expect(result.job).toMatchObject({ title: 'Senior Frontend Engineer', company: null, remote: 'remote' });
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^No company name found/)]));
  });

  it('rejects a missing or empty text', async () => {
    for (const body of [{}, { raw_text: '   ' }, { raw_text: 'x', extra: true }]) {
      const res = await t.http.post(`${BASE}/convert-text`).set(user.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toMatch(/^body\./);
    }
  });

  it('requires authentication', async () => {
    expect((await t.http.post(`${BASE}/convert-text`).send({ raw_text: POSTING })).status).toBe(401);
  });
});

describe('POST /api/v1/jobs/validate', () => {
  it('says a good job is valid', async () => {
    const res = await t.http.post(`${BASE}/validate`).set(user.auth).send(jobBody());
    expect(res.status).toBe(200);
    expect(ValidationResult.parse(res.body).valid).toBe(true);
  });

  it('answers 200 listing every problem of an invalid job, errors and warnings', async () => {
    const res = await t.http.post(`${BASE}/validate`).set(user.auth).send({ title: '', company: 'Acme', description: 'Short.', remote: 'maybe', colour: 'blue' });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const problems = res.body.problems as { path: string; severity: string }[];
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(expect.arrayContaining(['title', 'remote', 'colour']));
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.path)).toEqual(expect.arrayContaining(['description', 'requirements']));
  });

  it('reports a document that is not an object', async () => {
    const res = await t.http.post(`${BASE}/validate`).set(user.auth).send([1, 2]);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
  });

  it('requires authentication', async () => {
    expect((await t.http.post(`${BASE}/validate`).send(jobBody())).status).toBe(401);
  });
});

describe('POST /api/v1/jobs/import', () => {
  it('imports our own format as a draft with source "imported"', async () => {
    const res = await t.http.post(`${BASE}/import`).set(user.auth).send(jobBody({ title: 'Imported Platform Engineer' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'imported', status: 'draft', user_id: user.user_id, title: 'Imported Platform Engineer', version: 2 });
    expect(res.headers.location).toBe(`${BASE}/${res.body.id}`);
    expect((await t.http.get(`${BASE}/${res.body.id}`).set(user.auth)).body).toEqual(res.body);
  });

  it('imports the whole template document (its example)', async () => {
    const template = (await t.http.get(`${BASE}/template`).set(user.auth)).body;
    const res = await t.http.post(`${BASE}/import`).set(user.auth).send(template);
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(template.example.title);
  });

  it('imports a JSON Resume job document, mapping its fields', async () => {
    const doc = {
      title: 'Web Developer',
      company: 'Microsoft',
      type: 'Full-time',
      date: '2026-10-01',
      description: 'Build the web frontend of our developer portal together with a small product team.',
      location: { city: 'Seattle', region: 'WA', countryCode: 'US' },
      remote: 'Full',
      experience: 'Senior',
      responsibilities: ['Ship accessible, fast pages'],
      qualifications: ['Bachelor of Science in Computer Science'],
      skills: [{ name: 'Web Development', level: 'Expert', keywords: ['HTML', 'CSS', 'TypeScript'] }],
    };
    const res = await t.http.post(`${BASE}/import`).set(user.auth).send(doc);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      source: 'imported',
      title: 'Web Developer',
      company: 'Microsoft',
      remote: 'remote',
      employment_type: 'full_time',
      experience_level: 'senior',
      posted_date: '2026-10-01',
    });
    expect(res.body.location).toMatch(/Seattle/);
    expect(res.body.skills).toEqual(expect.arrayContaining(['TypeScript']));
  });

  it('rejects an invalid document with 400 naming each field under body', async () => {
    const res = await t.http.post(`${BASE}/import`).set(user.auth).send({ title: '', company: 'Acme', description: 'Fine text here.', remote: 'sometimes' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.title', 'body.remote']));
  });

  it('requires authentication', async () => {
    expect((await t.http.post(`${BASE}/import`).send(jobBody())).status).toBe(401);
  });
});

describe('POST /api/v1/jobs/{id}/analyze', () => {
  it("returns your job's analysis, the one stored when it was created (analysing again appends nothing)", async () => {
    const created = (await t.http.post(BASE).set(user.auth).send(jobBody())).body as JobView;
    const res = await t.http.post(`${BASE}/${created.id}/analyze`).set(user.auth);
    expect(res.status).toBe(200);
    const analysis = KeywordAnalysis.parse(res.body);
    expect(analysis).toEqual(created.analysis);
    expect(analysis.required_skills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
    expect(analysis.preferred_skills).toEqual(expect.arrayContaining(['Prometheus']));
    expect(res.headers.etag).toBe(`"${created.version}"`);
  });

  it('analyses the new content after an update', async () => {
    const created = (await t.http.post(BASE).set(user.auth).send(jobBody())).body as JobView;
    await t.http.put(`${BASE}/${created.id}`).set(user.auth).send(jobBody({ requirements: ['Expert knowledge of Snowflake and dbt'] }));
    const res = await t.http.post(`${BASE}/${created.id}/analyze`).set(user.auth);
    expect(res.body.required_skills).toEqual(expect.arrayContaining(['Snowflake']));
    expect(res.body.required_skills).not.toContain('Terraform');
    const job = (await t.http.get(`${BASE}/${created.id}`).set(user.auth)).body as JobView;
    expect(job.analysis).toEqual(res.body);
    expect(job.keywords_extracted).toContain('Snowflake');
  });

  it('returns the analysis a static job got when the catalogue was loaded, to any user', async () => {
    const id = staticJobId('static-002');
    const before = (await t.http.get(`${BASE}/${id}`).set(user.auth)).body as JobView;
    const res = await t.http.post(`${BASE}/${id}/analyze`).set(user.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before.analysis);
    expect(res.body.required_skills).toContain('React');
    expect(res.headers.etag).toBe(`"${before.version}"`);
  });

  it('answers 404 for an unknown job and 401 without a token', async () => {
    expect((await t.http.post(`${BASE}/00000000-0000-4000-8000-000000000000/analyze`).set(user.auth)).status).toBe(404);
    expect((await t.http.post(`${BASE}/${staticJobId('static-002')}/analyze`)).status).toBe(401);
  });
});
