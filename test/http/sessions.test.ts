import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/app';

const clock = new ManualClock('2026-03-01T10:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, undefined, undefined, { clock });
});
afterAll(() => t?.stop());

describe('logout revokes the access token too', () => {
  it('refuses the logged-out access token at once, and keeps other sessions working', async () => {
    const user = await t.register();
    const other = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/logout').set(user.auth).send({})).status).toBe(204);
    const refused = await t.http.get('/api/v1/auth/me').set(user.auth);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${other.body.access_token}` })).status).toBe(200);
  });

  it('also refuses access tokens of the same session issued before the logout (by an earlier refresh)', async () => {
    const user = await t.register();
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refresh_token: user.refresh_token });
    expect((await t.http.post('/api/v1/auth/logout').set({ Authorization: `Bearer ${refreshed.body.access_token}` }).send({})).status).toBe(204);
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(401);
  });

  it('gives every access token its own id', async () => {
    const user = await t.register();
    const payload = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const again = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect(payload(user.access_token).jti).toEqual(expect.any(String));
    expect(payload(user.access_token).jti).not.toBe(payload(again.body.access_token).jti);
  });
});
