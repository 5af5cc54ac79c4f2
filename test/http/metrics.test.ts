import { randomUUID } from 'node:crypto';
import { InProcessBus } from '../../src/bus/in-process';
import { startTestApp, TestApp } from '../support/app';
import { Exposition, parsePrometheusText, sampleValue } from '../support/prometheus-text';

/** GET /metrics: Prometheus text, parsed, with counters that move and labels that never hold ids. */

async function scrape(t: TestApp, headers: Record<string, string> = {}): Promise<Exposition> {
  const res = await t.http.get('/metrics').set(headers);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(res.text);
}

describe('GET /metrics on an api + projector process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('counts requests by method, declared route and status, and never puts an id in a label', async () => {
    const before = await scrape(t);
    const register = { method: 'POST', route: '/api/v1/auth/register', status: '201' };
    const user = await t.register();
    await t.register();
    const missing = randomUUID();
    const notFound = await t.http.get(`/api/v1/jobs/${missing}`).set(user.auth);
    expect(notFound.status).toBe(404);
    await t.http.get(`/nowhere/${missing}`);

    const after = await scrape(t);
    expect(after.types.get('jobwise_http_requests_total')).toBe('counter');
    expect(after.types.get('jobwise_http_request_duration_seconds')).toBe('histogram');
    expect(sampleValue(after, 'jobwise_http_requests_total', register) - sampleValue(before, 'jobwise_http_requests_total', register)).toBe(2);
    const job = { method: 'GET', route: '/api/v1/jobs/:id', status: '404' };
    expect(sampleValue(after, 'jobwise_http_requests_total', job) - sampleValue(before, 'jobwise_http_requests_total', job)).toBe(1);
    expect(sampleValue(after, 'jobwise_http_requests_total', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'jobwise_http_request_duration_seconds_count', register)).toBeGreaterThanOrEqual(2);
    expect(sampleValue(after, 'jobwise_http_request_duration_seconds_bucket', { ...register, le: '+Inf' })).toBe(
      sampleValue(after, 'jobwise_http_request_duration_seconds_count', register),
    );
    for (const sample of after.samples) expect(Object.values(sample.labels).join(' ')).not.toContain(missing);
  });

  it('times event-store appends and reports projector lag by read model', async () => {
    const before = await scrape(t);
    await t.register();
    const after = await scrape(t);
    const appends = (e: Exposition) => sampleValue(e, 'jobwise_event_store_append_duration_seconds_count', { outcome: 'ok' });
    expect(appends(after)).toBeGreaterThan(appends(before));
    const lag = after.samples.filter((s) => s.name === 'jobwise_projector_lag_events');
    expect(lag.map((s) => s.labels.name)).toEqual(expect.arrayContaining(['users_v1', 'profiles_v1']));
    for (const s of lag) expect(s.value).toBeGreaterThanOrEqual(0);
    expect(after.samples.filter((s) => s.name === 'jobwise_projector_lag_seconds').length).toBe(lag.length);
  });

  it('has the Node process metrics and the rate-limit counter', async () => {
    const exposition = await scrape(t);
    expect(sampleValue(exposition, 'jobwise_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(exposition.types.get('jobwise_nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(exposition.types.get('jobwise_rate_limit_rejections_total')).toBe('counter');
  });
});

describe('the bus counts consume failures and dead letters', () => {
  it('given a handler that always fails, then each attempt and the dead letter are counted by topic', async () => {
    const t = await startTestApp({}, undefined, ['projector']);
    const bus = new InProcessBus({ retry: { initial_delay_ms: 1, max_delay_ms: 1 } });
    const topic = `metrics-test-${randomUUID().slice(0, 8)}`;
    try {
      const before = await scrape(t);
      let dead!: () => void;
      const deadLettered = new Promise<void>((resolve) => (dead = resolve));
      await bus.subscribe({ group_id: 'g', topics: [`${topic}.dlq`], handler: async () => dead() });
      await bus.subscribe({ group_id: 'g', topics: [topic], max_attempts: 3, handler: async () => Promise.reject(new Error('boom')) });
      await bus.publish(topic, [{ key: 'k', value: { n: 1 }, headers: {} }]);
      await deadLettered;
      const after = await scrape(t);
      expect(sampleValue(after, 'jobwise_bus_consume_failures_total', { topic }) - sampleValue(before, 'jobwise_bus_consume_failures_total', { topic })).toBe(3);
      expect(sampleValue(after, 'jobwise_bus_dead_letters_total', { topic })).toBe(1);
    } finally {
      await bus.close();
      await t.stop();
    }
  });
});

describe('every role serves /metrics', () => {
  it('a relay-only process serves it, with the relay lag', async () => {
    const t = await startTestApp({}, undefined, ['relay']);
    try {
      const exposition = await scrape(t);
      expect(exposition.samples.filter((s) => s.name === 'jobwise_relay_lag_events').map((s) => s.labels.name)).toEqual(['relay']);
      expect((await t.http.get('/api/v1/jobs')).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});

describe('METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
  });
  afterAll(() => t.stop());

  it('without or with a wrong bearer token, /metrics is 401 problem details', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'scrape-token-0123456789' }]) {
      const res = await t.http.get('/metrics').set(headers);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.text).not.toContain('jobwise_http_requests_total');
    }
  });

  it('with the token, /metrics answers', async () => {
    const exposition = await scrape(t, { Authorization: 'Bearer scrape-token-0123456789' });
    expect(exposition.types.get('jobwise_http_requests_total')).toBe('counter');
  });
});
