import request from 'supertest';
import { createApp } from '../../src/http/app';
import { route } from '../../src/http/route';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { startTestApp, TestApp } from '../support/app';

/** HTTP hardening: security headers, CORS, request ids, request timeouts. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('security headers and the docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('every response has helmet headers and a Content-Security-Policy of its own origin', async () => {
    for (const path of ['/health', '/api/v1/profiles/me', '/nowhere']) {
      const res = await t.http.get(path);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the Swagger UI page, its script, its init and its stylesheet load under that policy', async () => {
    const page = await t.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBeDefined();
    // No inline script: the policy allows only files of the same origin.
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/init.js']));
    for (const asset of assets) {
      const res = await t.http.get(asset);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect(res.headers['content-type']).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
    }
    expect((await t.http.get('/openapi.json')).status).toBe(200);
    // Nothing is fetched from another origin (the policy would block it anyway).
    expect((await t.http.get('/docs/init.js')).text).toContain('validatorUrl: null');
  });

  it('without CORS_ORIGINS no CORS header is sent, even to a preflight', async () => {
    const get = await t.http.get('/health').set('Origin', 'https://evil.example');
    expect(Object.keys(get.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const preflight = await t.http
      .options('/api/v1/profiles')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('echoes a sane X-Request-Id under both names, replaces an insane one, and names it in problem details', async () => {
    const sent = await t.http.get('/nowhere').set('X-Request-Id', 'req-123.abc');
    expect(sent.headers['x-request-id']).toBe('req-123.abc');
    expect(sent.headers['x-correlation-id']).toBe('req-123.abc');
    expect(sent.body.correlation_id).toBe('req-123.abc');

    const insane = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces <script>');
    expect(insane.headers['x-request-id']).toMatch(UUID);
    expect(insane.headers['x-correlation-id']).toBe(insane.headers['x-request-id']);

    const both = await t.http.get('/health').set('X-Request-Id', 'req-b').set('X-Correlation-Id', 'corr-a');
    expect([both.headers['x-correlation-id'], both.headers['x-request-id']]).toEqual(['corr-a', 'corr-a']);

    const none = await t.http.get('/health');
    expect(none.headers['x-request-id']).toMatch(UUID);
  });

  it('sets the Node server limits', () => {
    expect(t.app.server.headersTimeout).toBe(15_000);
    expect(t.app.server.requestTimeout).toBe(30_000 + 60_000);
  });
});

describe('CORS with allowed origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://app.example.com, http://localhost:3000' });
  });
  afterAll(() => t.stop());

  it('answers an allowed origin with its origin and the exposed headers', async () => {
    const res = await t.http.get('/health').set('Origin', 'https://app.example.com');
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('answers a preflight from an allowed origin with the allowed methods and headers', async () => {
    const res = await t.http
      .options('/api/v1/profiles')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-allow-methods'].split(', ')).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']));
    expect(res.headers['access-control-allow-headers'].toLowerCase().split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match']),
    );
    expect(res.headers['access-control-max-age']).toBe('600');
  });

  it('sends nothing to an origin not on the list', async () => {
    const res = await t.http.get('/health').set('Origin', 'https://app.example.com.evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request timeout', () => {
  const slow = route({
    method: 'get',
    path: '/slow/:ms',
    summary: 'sleeps',
    tag: 'test',
    auth: false,
    responses: { 200: { description: 'ok' } },
    async handler({ params }) {
      await new Promise((resolve) => setTimeout(resolve, Number((params as { ms: string }).ms)));
      return { status: 200, body: { done: true }, headers: { 'X-Late': 'yes' } };
    },
  });
  const app = createApp({
    routes: [slow],
    verifier: { verifyAccess: () => null },
    clock: systemClock,
    logger: silentLogger(),
    edge: { cors_origins: [], request_timeout_ms: 150 },
  });

  it('answers 503 problem details when the handler runs past REQUEST_TIMEOUT_MS, and ignores its late answer', async () => {
    const res = await request(app).get('/slow/400').set('X-Request-Id', 'slow-1');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toMatchObject({ code: 'HTTP.SERVICE_UNAVAILABLE', status: 503, correlation_id: 'slow-1' });
    expect(res.headers['x-late']).toBeUndefined();
    // The abandoned handler finishes later without breaking anything.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const fast = await request(app).get('/slow/1');
    expect(fast.status).toBe(200);
    expect(fast.body).toEqual({ done: true });
  });
});
