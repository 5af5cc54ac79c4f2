import { Session, startTestApp, TestApp } from '../support/app';

/**
 * A method the API does not declare on a path it knows is 405 with `Allow` (RFC 9110 §15.5.6);
 * OPTIONS on a known path answers with `Allow`; a path the API does not know stays 404.
 */
let t: TestApp;
let user: Session;
beforeAll(async () => {
  t = await startTestApp();
  user = await t.register();
});
afterAll(() => t.stop());

const ID = '00000000-0000-4000-8000-000000000000';
const allowOf = (header: string | undefined) => (header ?? '').split(',').map((m) => m.trim()).sort();

describe('an undeclared method on a known path', () => {
  it('TRACE /api/v1/profiles is 405 with Allow listing what is declared', async () => {
    const res = await t.http.trace('/api/v1/profiles').set(user.auth);
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(['OPTIONS', 'POST']);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 405, code: 'HTTP.METHOD_NOT_ALLOWED', title: 'Method Not Allowed', instance: '/api/v1/profiles' });
  });

  it('PATCH /api/v1/profiles/{id} is 405; Allow has HEAD because GET is declared', async () => {
    const res = await t.http.patch(`/api/v1/profiles/${ID}`).set(user.auth).send({ professional_summary: 'x' });
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT']);
  });

  it('is 405 without credentials too: the method is wrong whoever asks', async () => {
    const res = await t.http.patch(`/api/v1/jobs/${ID}/status`);
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(['OPTIONS', 'PUT']);
  });

  it('a concrete path takes precedence over a templated one that also matches it', async () => {
    // /jobs/my-jobs is declared (GET) and also matches /jobs/{id} (GET, PUT, DELETE)
    const res = await t.http.post('/api/v1/jobs/my-jobs').set(user.auth).send({});
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it.each([
    ['PUT', '/api/v1/jobs/template', ['GET', 'HEAD', 'OPTIONS']],
    ['DELETE', '/api/v1/jobs/my-jobs', ['GET', 'HEAD', 'OPTIONS']],
    ['PUT', '/api/v1/jobs/convert-text', ['OPTIONS', 'POST']],
    ['HEAD', '/api/v1/jobs/import', ['OPTIONS', 'POST']],
    ['DELETE', '/api/v1/profiles/me', ['GET', 'HEAD', 'OPTIONS']],
  ])('%s %s is 405 although express routes it to the templated path (schemathesis found it)', async (method, path, allow) => {
    const res = await (t.http as any)[method.toLowerCase()](path).set(user.auth).send(method === 'HEAD' ? undefined : { raw_text: 'x' });
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(allow);
  });

  it('a malformed id on a templated path is still 400', async () => {
    const res = await t.http.put('/api/v1/jobs/not-a-uuid').set(user.auth).send({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ path: 'params.id', message: 'must be a UUID' }]));
  });

  it('HEAD where only POST is declared is 405', async () => {
    const res = await t.http.head('/api/v1/auth/login');
    expect(res.status).toBe(405);
    expect(allowOf(res.headers.allow)).toEqual(['OPTIONS', 'POST']);
  });
});

describe('OPTIONS on a known path', () => {
  it('answers 204 with Allow', async () => {
    const res = await t.http.options(`/api/v1/profiles/${ID}/experiences`);
    expect(res.status).toBe(204);
    expect(allowOf(res.headers.allow)).toEqual(['OPTIONS', 'POST']);
  });
});

describe('declared methods are untouched', () => {
  it('GET and HEAD on a GET route still reach the route', async () => {
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).status).toBe(200);
    expect((await t.http.head('/api/v1/auth/me').set(user.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('an unknown path', () => {
  it.each([
    ['TRACE', '/api/v1/nope'],
    ['GET', '/api/v1/profiles/a/b/c'],
    ['PATCH', '/api/v2/profiles'],
    ['OPTIONS', '/api/v1/unknown'],
  ])('%s %s stays 404', async (method, path) => {
    const res = await (t.http as any)[method.toLowerCase()](path).set(user.auth);
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });
});
