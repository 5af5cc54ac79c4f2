import { ManualClock } from '../../src/shared/clock';
import { startBackoffTestApp, startTestApp, TestApp } from '../support/app';

const clock = new ManualClock('2026-03-01T10:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, undefined, undefined, { clock });
});
afterAll(() => t?.stop());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const NEW = 'a brand new passphrase';

describe('POST /api/v1/auth/change-password', () => {
  it('given two sessions, when the password changes, then the old password fails, the new one works, the other session is refused and the caller continues', async () => {
    const user = await t.register();
    const other = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect(other.status).toBe(200);

    const changed = await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: user.password, new_password: NEW });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ user: { id: user.user_id, email: user.email }, token_type: 'Bearer' });
    expect(JSON.stringify(changed.body)).not.toMatch(/scrypt/);

    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: NEW })).status).toBe(200);

    // the other session: its access token and its refresh token are refused
    expect((await t.http.get('/api/v1/auth/me').set(bearer(other.body.access_token))).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: other.body.refresh_token })).status).toBe(401);
    // the caller's previous session is replaced by the new one
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token })).status).toBe(401);

    // the caller continues with the returned tokens
    expect((await t.http.get('/api/v1/auth/me').set(bearer(changed.body.access_token))).status).toBe(200);
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: changed.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(refreshed.body.access_token))).status).toBe(200);
  });

  it('given a wrong current password, then 401 AUTH.INVALID_CREDENTIALS and nothing changes', async () => {
    const user = await t.register();
    const other = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    const refused = await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: 'not the password', new_password: NEW });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.INVALID_CREDENTIALS');

    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: NEW })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(other.body.access_token))).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: other.body.refresh_token })).status).toBe(200);
  });

  it('given a bad body, then 400; given no token, then 401', async () => {
    const user = await t.register();
    const short = await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: user.password, new_password: 'short' });
    expect(short.status).toBe(400);
    expect((await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: user.password })).status).toBe(400);
    expect(
      (await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: user.password, new_password: NEW, extra: 1 })).status,
    ).toBe(400);
    expect((await t.http.post('/api/v1/auth/change-password').send({ current_password: user.password, new_password: NEW })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
  });
});

describe('change-password and the failed-login back-off', () => {
  const backoffClock = new ManualClock('2026-03-01T10:00:00.000Z');
  let b: TestApp;
  beforeAll(async () => {
    b = await startBackoffTestApp(backoffClock);
  });
  afterAll(() => b?.stop());

  it('given 3 wrong current passwords, then the account is locked for change-password and login alike, and nothing changed', async () => {
    const user = await b.register();
    const change = (current_password: string) => b.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password, new_password: NEW });
    for (let i = 0; i < 3; i++) expect((await change('wrong password')).status).toBe(401);
    const locked = await change(user.password);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('10');
    expect((await b.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(429);

    backoffClock.advance(10_000);
    expect((await b.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
    expect((await change(user.password)).status).toBe(200);
  });
});
