import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileBody, uniqueEmail } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/app';

/**
 * A write whose read model does not catch up in time has still happened. The client is told
 * so (202, the new version, where to read it) instead of getting a 500 and retrying a write
 * that succeeded. Here the lag is total: an `api` process on the embedded adapters without
 * the `projector` role, so no read model moves at all.
 */
const LAGGING = { READ_YOUR_WRITES_TIMEOUT_MS: '150' };

let dir: string;
let t: TestApp | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-lag-'));
});
afterEach(async () => {
  await t?.stop();
  t = null;
  rmSync(dir, { recursive: true, force: true });
});

const restartWithProjectors = async () => {
  await t!.stop();
  t = await startTestApp(LAGGING, dir, ['api', 'projector']);
  return t;
};

describe('given a read model that lags behind the event store', () => {
  it('when a user registers, then the answer is 202 with a working session, and the account exists', async () => {
    t = await startTestApp(LAGGING, dir, ['api']);
    const body = { email: uniqueEmail(), password: 'correct horse battery', full_name: 'Lagging User' };

    const res = await t.http.post('/api/v1/auth/register').send(body);

    expect(res.status).toBe(202);
    expect(res.headers.location).toBe('/api/v1/auth/me');
    expect(res.body).toMatchObject({ user: { email: body.email }, token_type: 'Bearer' });
    const again = await t.http.post('/api/v1/auth/register').send(body);
    expect(again.status).toBe(409);
    const login = await t.http.post('/api/v1/auth/login').send({ email: body.email, password: body.password });
    expect(login.status).toBe(200);

    const caughtUp = await restartWithProjectors();
    const me = await caughtUp.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${login.body.access_token}` });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(body.email);
  });

  it('when a profile is created, then 202 names the new version and its Location, which serves it once projected', async () => {
    t = await startTestApp(LAGGING, dir, ['api']);
    const register = await t.http.post('/api/v1/auth/register').send({ email: uniqueEmail(), password: 'correct horse battery', full_name: 'A' });
    const auth = { Authorization: `Bearer ${register.body.access_token}` };

    const res = await t.http.post('/api/v1/profiles').set(auth).send(profileBody());

    expect(res.status).toBe(202);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toMatch(/^\/api\/v1\/profiles\/[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ status: 'accepted', detail: expect.stringContaining('Do not repeat it'), version: 1, location: res.headers.location });
    expect((await t.http.post('/api/v1/profiles').set(auth).send(profileBody())).status).toBe(409);

    const caughtUp = await restartWithProjectors();
    const read = await caughtUp.http.get(res.headers.location).set(auth);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(1);
  });

  it('when a job is deleted, then 202 says it is stored, and the job is gone once projected', async () => {
    t = await startTestApp({}, dir, ['api', 'projector']);
    const user = await t.register();
    const created = await t.http.post('/api/v1/jobs').set(user.auth).send({ title: 'Welder', company: 'Acme', description: 'Weld things.' });
    expect(created.status).toBe(201);
    await t.stop();
    t = await startTestApp(LAGGING, dir, ['api']);

    const res = await t.http.delete(`/api/v1/jobs/${created.body.id}`).set(user.auth);

    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'accepted', location: null });
    const caughtUp = await restartWithProjectors();
    expect((await caughtUp.http.get(`/api/v1/jobs/${created.body.id}`).set(user.auth)).status).toBe(404);
  });
});
