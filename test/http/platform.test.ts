import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('health', () => {
  it('GET /health is ok without authentication', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/detailed reports each component and projector lag', async () => {
    await t.register();
    const res = await t.http.get('/health/detailed');
    expect(res.status).toBe(200);
    expect(res.body.components).toEqual({
      event_store: { status: 'ok', latency_ms: expect.any(Number) },
      read_store: { status: 'ok', latency_ms: expect.any(Number) },
      bus: { status: 'ok', latency_ms: expect.any(Number) },
    });
    expect(res.body.projectors.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['users_v1', 'profiles_v1']));
    for (const projector of res.body.projectors) expect(projector).toMatchObject({ caught_up: true, lag_ms: 0, events_failed: 0 });
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.http.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const create = res.body.paths['/api/v1/profiles'].post;
    expect(create.requestBody.content['application/json'].schema.properties.personal_info).toBeDefined();
    expect(create.responses['400'].content['application/problem+json']).toBeDefined();
    expect(res.body.paths['/api/v1/profiles/{id}/experiences/{entry_id}'].put.parameters.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name)).toEqual(['id', 'entry_id']);
    expect(res.body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });

  it('serves the docs UI and its assets locally', async () => {
    const page = await t.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    const bundle = await t.http.get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.text.length).toBeGreaterThan(100_000);
  });
});

describe('correlation ids', () => {
  it('echoes a sane correlation id and invents one otherwise', async () => {
    const echoed = await t.http.get('/health').set('X-Correlation-Id', 'abc-123');
    expect(echoed.headers['x-correlation-id']).toBe('abc-123');
    const invented = await t.http.get('/health').set('X-Correlation-Id', 'bad id with spaces');
    expect(invented.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a process without the api role', () => {
  it('serves only the health endpoints', async () => {
    const projector = await startTestApp({}, undefined, ['projector']);
    try {
      expect((await projector.http.get('/health')).body).toEqual({ status: 'ok' });
      const detailed = await projector.http.get('/health/detailed');
      expect(detailed.status).toBe(200);
      expect(detailed.body.projectors.every((p: { state: string }) => p.state !== 'remote')).toBe(true);
      expect((await projector.http.post('/api/v1/auth/register').send({})).status).toBe(404);
      expect((await projector.http.get('/openapi.json')).status).toBe(404);
    } finally {
      await projector.stop();
    }
  });
});
