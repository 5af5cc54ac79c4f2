import { Session, startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';

/**
 * `If-Match` that names no version is the client's mistake in writing the header: 400 naming
 * the header. A well-formed but stale version stays 412.
 */
let t: TestApp;
let user: Session;
let profile: { id: string; version: number };
let job: { id: string; version: number };

beforeAll(async () => {
  t = await startTestApp();
  user = await t.register();
  profile = (await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody())).body;
  job = (await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody())).body;
});
afterAll(() => t.stop());

const MALFORMED = ['garbage', '3', '"abc"', '"1", "2"', '""'];

describe('a malformed If-Match', () => {
  it.each(MALFORMED)('If-Match: %s on a profile route is 400 naming the header', async (header) => {
    const res = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', header).send({ professional_summary: 'x' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(res.body.errors).toEqual([{ path: 'headers.if-match', message: expect.stringContaining('version') }]);
  });

  it.each(MALFORMED)('If-Match: %s on a job route is 400 naming the header', async (header) => {
    const res = await t.http.put(`/api/v1/jobs/${job.id}/status`).set(user.auth).set('If-Match', header).send({ status: 'active' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'headers.if-match', message: expect.any(String) }]);
  });

  it('changed nothing', async () => {
    expect((await t.http.get(`/api/v1/profiles/${profile.id}`).set(user.auth)).body.version).toBe(profile.version);
    expect((await t.http.get(`/api/v1/jobs/${job.id}`).set(user.auth)).body.version).toBe(job.version);
  });
});

describe('a well-formed If-Match', () => {
  it('that is stale is still 412 on a profile route', async () => {
    const res = await t.http.delete(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', `"${profile.version + 5}"`);
    expect(res.status).toBe(412);
    expect(res.body.code).toBe('CONCURRENCY.VERSION_MISMATCH');
  });

  it('that is stale is still 412 on a job route', async () => {
    const res = await t.http.delete(`/api/v1/jobs/${job.id}`).set(user.auth).set('If-Match', `"${job.version + 5}"`);
    expect(res.status).toBe(412);
  });

  it('* and a current version are accepted', async () => {
    const star = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', '*').send({ professional_summary: 'a' });
    expect(star.status).toBe(200);
    const current = await t.http.put(`/api/v1/profiles/${profile.id}`).set(user.auth).set('If-Match', star.headers.etag).send({ professional_summary: 'b' });
    expect(current.status).toBe(200);
  });
});
