import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/app';

/**
 * The job-search routes count against the spec's job-search limit (class `jobs.search`, 30 a
 * minute per user by default; 3 here), one budget shared by every job-search route.
 */
const clock = new ManualClock('2026-11-30T10:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMITS: JSON.stringify({ 'jobs.search': { limit: 3, window_seconds: 60 } }) }, undefined, undefined, { clock });
}, 60_000);
afterAll(() => t?.stop());
beforeEach(() => clock.advance(3600_000));

describe('job-search rate limit', () => {
  it.each(['/api/v1/job-search', '/api/v1/job-search/trending', '/api/v1/job-search/recommendations'])('%s: the fourth request in a minute is refused with 429, per user', async (path) => {
    const user = await t.register();
    for (let i = 0; i < 3; i++) {
      const res = await t.http.get(path).set(user.auth);
      expect(res.status).not.toBe(429);
      expect(res.headers['ratelimit-policy']).toBe('"jobs.search";q=3;w=60');
    }
    const refused = await t.http.get(path).set(user.auth);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 429, code: 'HTTP.TOO_MANY_REQUESTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const other = await t.register();
    expect((await t.http.get(path).set(other.auth)).status).not.toBe(429);
    clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect((await t.http.get(path).set(user.auth)).status).not.toBe(429);
  });

  it('shares one budget across the job-search routes', async () => {
    const user = await t.register();
    expect((await t.http.get('/api/v1/job-search').set(user.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/job-search/trending').set(user.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/jobs').set(user.auth)).status).toBe(200);
    expect((await t.http.get('/api/v1/job-search/trending').set(user.auth)).status).toBe(429);
  });
});
