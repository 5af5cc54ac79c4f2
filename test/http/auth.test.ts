import { startTestApp, TestApp } from '../support/app';
import { uniqueEmail } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('POST /api/v1/auth/register', () => {
  it('creates an account and answers with a session', async () => {
    const email = uniqueEmail('ada');
    const res = await t.http.post('/api/v1/auth/register').send({ email, password: 'long enough pw', full_name: 'Ada Lovelace' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: { id: expect.any(String), email, full_name: 'Ada Lovelace', roles: ['user'] },
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
  });

  it('refuses an e-mail that is already registered, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await t.register({ email });
    const res = await t.http.post('/api/v1/auth/register').send({ email: email.toUpperCase(), password: 'long enough pw', full_name: 'Other' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('USER.EMAIL_TAKEN');
  });

  it('lists every invalid field', async () => {
    const res = await t.http.post('/api/v1/auth/register').send({ email: 'not-an-email', password: 'short', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.extra', 'body.full_name', 'body.password']);
  });

  it('registers concurrently with the same e-mail only once', async () => {
    const email = uniqueEmail('race');
    const attempts = await Promise.all(
      [1, 2, 3, 4].map(() => t.http.post('/api/v1/auth/register').send({ email, password: 'long enough pw', full_name: 'Racer' })),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});

describe('POST /api/v1/auth/login', () => {
  it('starts a session with the right password', async () => {
    const user = await t.register();
    const res = await t.http.post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.user_id);
    const me = await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${res.body.access_token}` });
    expect(me.body.email).toBe(user.email);
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const user = await t.register();
    const wrong = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' });
    const unknown = await t.http.post('/api/v1/auth/login').send({ email: uniqueEmail('nobody'), password: 'whatever pw' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = ({ correlation_id: _c, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });
});

describe('POST /api/v1/auth/refresh', () => {
  it('rotates: the new pair works and the old refresh token stops working', async () => {
    const user = await t.register();
    const first = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(user.refresh_token);
    const again = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    expect(again.status).toBe(401);
  });

  it('revokes the whole family when an already-rotated token is presented', async () => {
    const user = await t.register();
    const rotated = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    const latest = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: rotated.body.refresh_token });
    expect(latest.status).toBe(401);
    expect(latest.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('refuses an access token presented as a refresh token, and garbage', async () => {
    const user = await t.register();
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.access_token })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: 'garbage' })).status).toBe(401);
  });
});

describe('POST /api/v1/auth/logout and GET /api/v1/auth/me', () => {
  it('logout revokes the session family', async () => {
    const user = await t.register();
    const res = await t.http.post('/api/v1/auth/logout').set(user.auth).send({});
    expect(res.status).toBe(204);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token })).status).toBe(401);
  });

  it('me returns the signed-in user without secrets', async () => {
    const user = await t.register({ full_name: 'Grace Hopper' });
    const res = await t.http.get('/api/v1/auth/me').set(user.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: user.user_id, email: user.email, full_name: 'Grace Hopper', roles: ['user'], created_at: expect.any(String) });
  });

  it('requires a bearer token, and refuses a refresh token in its place', async () => {
    const user = await t.register();
    expect((await t.http.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${user.refresh_token}` })).status).toBe(401);
    expect((await t.http.get('/api/v1/auth/me').set({ Authorization: 'Bearer x.y.z' })).status).toBe(401);
  });
});

describe('edge errors', () => {
  it('malformed JSON is a 400 problem', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('HTTP.MALFORMED_JSON');
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await t.http.get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND' });
  });

  it('a body over 10 MB is a 413 problem', async () => {
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(11 * 1024 * 1024) });
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('HTTP.PAYLOAD_TOO_LARGE');
  });

  it('never shows a stack trace', async () => {
    const res = await t.http.post('/api/v1/auth/register').set('Content-Type', 'application/json').send('[1,2');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
