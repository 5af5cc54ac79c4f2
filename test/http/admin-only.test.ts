import { randomUUID } from 'node:crypto';
import { TOKENS } from '../../src/container-tokens';
import { RouteSpec } from '../../src/http/route';
import { startTestApp, TestApp } from '../support/app';

/**
 * Issue 13 item 1 and its "a non-admin gets 403 on all of it", taken from the route table rather
 * than a list: every route under /api/v1/admin declares the `admin` role (and the OpenAPI
 * document says so), and every route that needs it answers 403 to a signed-in user who is not an
 * admin and 401 without a token, whatever the request holds.
 */
type Json = Record<string, any>;
let t: TestApp;
let routes: RouteSpec[];
let doc: Json;

beforeAll(async () => {
  t = await startTestApp({ ADMIN_EMAILS: 'only.admin@example.com' });
  routes = t.app.container.get<RouteSpec[]>(TOKENS.Routes);
  doc = (await t.http.get('/openapi.json')).body;
});
afterAll(() => t.stop());

/** A plausible value for each path parameter, so the answer is about the role, not the input. */
const PARAMS: Record<string, string> = { entity: 'profiles', name: 'jobs_v2', stream: `profile-${randomUUID()}` };
const concrete = (path: string) => path.replace(/:([a-z_]+)/g, (_, param: string) => PARAMS[param] ?? randomUUID());
const openApiPath = (path: string) => path.replace(/:([a-z_]+)/g, '{$1}');

it('declares the admin role on every route under /api/v1/admin, in the route and in the OpenAPI document', () => {
  const admin = routes.filter((r) => r.path.startsWith('/api/v1/admin/'));
  expect(admin.length).toBeGreaterThanOrEqual(10);
  expect(admin.filter((r) => r.role !== 'admin').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  const undocumented = admin.filter((r) => doc.paths[openApiPath(r.path)]?.[r.method]?.['x-required-role'] !== 'admin');
  expect(undocumented.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

it('answers 403 to a signed-in user who is not an admin and 401 without a token, on every admin route', async () => {
  const user = await t.register();
  const admin = await t.register({ email: 'only.admin@example.com' });
  expect((await t.http.get('/api/v1/auth/me').set(admin.auth)).body.roles).toContain('admin');
  expect((await t.http.get('/api/v1/auth/me').set(user.auth)).body.roles).not.toContain('admin');

  const guarded = routes.filter((r) => r.role === 'admin');
  expect(guarded.length).toBeGreaterThanOrEqual(10);
  const wrong: string[] = [];
  for (const route of guarded) {
    const path = concrete(route.path);
    const asUser = await t.http[route.method](path).set(user.auth).send({});
    const anonymous = await t.http[route.method](path).send({});
    if (asUser.status !== 403) wrong.push(`${route.method} ${path} as a user: ${asUser.status}`);
    if (anonymous.status !== 401) wrong.push(`${route.method} ${path} without a token: ${anonymous.status}`);
  }
  expect(wrong).toEqual([]);
  // Nothing a refused caller asked for was recorded as an admin read.
  const reads = await t.http.get(`/api/v1/admin/audit?aggregate=adminaccess&actor=${user.user_id}`).set(admin.auth);
  expect(reads.status).toBe(200);
  expect(reads.body.items).toEqual([]);
});
