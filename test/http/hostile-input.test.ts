import { startTestApp, Session, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';

/**
 * Every route in the OpenAPI document, fed malformed and hostile input by an authenticated
 * user: the answer is always a 4xx (or a 2xx where the input happens to be acceptable), never
 * a 500, and errors are problem details without stack traces.
 */
let t: TestApp;
let user: Session;
let operations: { method: string; path: string }[];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  user = await t.register();
  const profile = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
  const job = await t.http.post('/api/v1/jobs').set(user.auth).send({ title: 'Baker', company: 'Crumb Co', description: 'Bake bread at dawn.' });
  ids = { id: profile.body.id, entry_id: profile.body.experiences[0].id, job_id: job.body.id };
  const doc = (await t.http.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  // Event streams stay open for a minute by design; their input handling is the same edge, and
  // their own tests cover them.
  const streams = (op: unknown) => Object.keys((op as { responses?: Record<string, { content?: object }> }).responses?.['200']?.content ?? {}).includes('text/event-stream');
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => !streams(op))
      .map(([method]) => ({ method, path })),
  );
});
afterAll(() => t.stop());

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });
const BODIES: [string, unknown][] = [
  ['an array', [1, 2, 3]],
  ['a string', 'just text'],
  ['null', null],
  ['deep nesting', nested(500)],
  ['wrong types everywhere', { title: 5, personal_info: 'x', skills: [null], status: {}, raw_text: 7, email: [] }],
  ['control characters', { title: '\u0000\u0007', company: '\ud800', description: '\u202e' }],
  ['prototype pollution', JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')],
];
const QUERIES = ['?limit=abc&offset=-1', '?limit=1&limit=2', '?q=' + 'x'.repeat(5000), '?status[$ne]=x', '?skills=%00'];

function concrete(path: string, idFor: (param: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_, param: string) => idFor(param));
}

describe('hostile input on every route', () => {
  it('covers the whole API', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(BODIES)('a body of %s never yields a 500', async (_name, body) => {
    for (const { method, path } of operations) {
      const url = concrete(path, (param) => (path.startsWith('/api/v1/jobs') ? ids.job_id : ids[param] ?? ids.id));
      const res = await (t.http as any)[method](url).set(user.auth).set('If-Match', 'garbage').send(body as object);
      expect({ route: `${method} ${path}`, status: res.status < 500 ? 'ok' : res.status }).toEqual({ route: `${method} ${path}`, status: 'ok' });
      if (res.status >= 400) {
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
      }
    }
  });

  it.each(QUERIES)('a query string %s never yields a 500', async (query) => {
    for (const { path } of operations.filter((o) => o.method === 'get')) {
      const res = await t.http.get(concrete(path, () => 'not-a-uuid') + query).set(user.auth);
      expect({ route: path, status: res.status < 500 ? 'ok' : res.status }).toEqual({ route: path, status: 'ok' });
    }
  });

  it("the hostile requests changed nothing that was stored", async () => {
    // A fresh session: the hostile requests included POST /auth/logout, which revoked the first access token.
    const login = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    const profile = await t.http.get(`/api/v1/profiles/${ids.id}`).set({ Authorization: `Bearer ${login.body.access_token}` });
    expect(profile.body.version).toBe(1);
    expect(profile.body.personal_info.full_name).toBe('Ada Example');
  });
});
