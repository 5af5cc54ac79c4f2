import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const EXPORT = '/api/v1/auth/me/export';

describe('GET /api/v1/auth/me/export', () => {
  it('given a user with a profile, jobs and two sessions, then the export holds them, as JSON Resume too, and nothing of another user', async () => {
    const user = await t.register({ full_name: 'Ada Exporter' });
    const other = await t.register({ full_name: 'Bob Stranger' });
    const second = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect(second.status).toBe(200);
    await t.http.post('/api/v1/auth/logout').set({ Authorization: `Bearer ${second.body.access_token}` }).send({});

    const profile = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect(profile.status).toBe(201);
    const job = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ title: 'Ada Own Job', external_job_id: 'ADA-1' }));
    expect(job.status).toBe(201);
    const otherProfile = profileBody({ personal_info: { ...profileBody().personal_info, full_name: 'Bob Stranger', email: 'bob.stranger@example.com' } });
    expect((await t.http.post('/api/v1/profiles').set(other.auth).send(otherProfile)).status).toBe(201);
    expect((await t.http.post('/api/v1/jobs').set(other.auth).send(jobBody({ title: 'Bob Secret Job', external_job_id: 'BOB-1' }))).status).toBe(201);

    const res = await t.http.get(EXPORT).set(user.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="jobwise-export.json"');
    expect(res.headers['content-type']).toMatch(/application\/json/);

    const body = res.body;
    expect(body.account).toMatchObject({ id: user.user_id, email: user.email, full_name: 'Ada Exporter', roles: ['user'] });
    expect(body.profile).toMatchObject({ id: profile.body.id, user_id: user.user_id, personal_info: { full_name: 'Ada Example' } });
    expect(body.profile._applied).toBeUndefined();
    expect(body.jobs.map((j: { id: string }) => j.id)).toEqual([job.body.id]);
    expect(body.jobs[0]).toMatchObject({ title: 'Ada Own Job', user_id: user.user_id, source: 'user_created' });
    expect(body.jobs[0].search_terms).toBeUndefined();

    expect(body.json_resume.basics).toMatchObject({ name: 'Ada Example', email: 'ada@example.com', phone: '+49 30 1234567', location: { address: 'Berlin, Germany' } });
    expect(body.json_resume.basics.profiles).toEqual(expect.arrayContaining([{ network: 'GitHub', url: 'https://github.com/ada-example' }]));
    expect(body.json_resume.work).toHaveLength(2);
    expect(body.json_resume.work[1]).toMatchObject({ name: 'Contoso Payments', position: 'Software Engineer', startDate: '2016-10', endDate: '2021-02' });
    expect(body.json_resume.education).toHaveLength(1);
    expect(body.json_resume.projects).toHaveLength(1);
    expect(body.json_resume.skills[0]).toEqual({ name: 'Technical', keywords: profileBody().skills.technical });

    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s: { revoked: boolean }) => s.revoked)).toHaveLength(1);
    for (const session of body.sessions) expect(Object.keys(session).sort()).toEqual(['created_at', 'expires_at', 'id', 'last_refreshed_at', 'revoked']);

    const text = res.text;
    expect(text).not.toContain(other.user_id);
    expect(text).not.toContain('Bob Stranger');
    expect(text).not.toContain('Bob Secret Job');
    expect(text).not.toContain('bob.stranger@example.com');
  });

  it('never holds a password hash or a token', async () => {
    const user = await t.register();
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    const res = await t.http.get(EXPORT).set({ Authorization: `Bearer ${refreshed.body.access_token}` });
    expect(res.status).toBe(200);
    expect(res.body.profile).toBeNull();
    expect(res.body.json_resume).toBeNull();
    expect(res.body.jobs).toEqual([]);
    expect(res.body.sessions[0].last_refreshed_at).toEqual(expect.any(String));
    const text = res.text;
    expect(text).not.toMatch(/scrypt|password_hash|password/i);
    expect(text).not.toContain(user.password);
    for (const token of [user.access_token, user.refresh_token, refreshed.body.access_token, refreshed.body.refresh_token]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split('.')[2]);
    }
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  });

  it('given no token, then 401', async () => {
    expect((await t.http.get(EXPORT)).status).toBe(401);
  });
});
