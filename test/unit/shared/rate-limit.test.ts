import { InProcessRateLimitStore, RATE_LIMIT_CLASSES, RATE_LIMIT_DEFAULTS, RateLimiter, LOGIN_BACKOFF_DEFAULTS } from '../../../src/shared/rate-limit';

describe('RateLimiter', () => {
  it('declares the spec table, generation and documents included', () => {
    expect(RATE_LIMIT_DEFAULTS).toMatchObject({
      'profiles.create': { limit: 5, window_seconds: 60 },
      'profiles.update': { limit: 10, window_seconds: 60 },
      'profiles.read': { limit: 100, window_seconds: 60 },
      'jobs.search': { limit: 30, window_seconds: 60 },
      'jobs.details': { limit: 100, window_seconds: 60 },
      'generation.resume': { limit: 5, window_seconds: 3600 },
      'generation.cover_letter': { limit: 10, window_seconds: 3600 },
      'generation.status': { limit: 60, window_seconds: 60 },
      'documents.download': { limit: 50, window_seconds: 60 },
      'documents.list': { limit: 30, window_seconds: 60 },
    });
  });

  it.each(RATE_LIMIT_CLASSES)('%s: allows its quota per caller, refuses the next, and starts again in the next window', async (name) => {
    const limiter = new RateLimiter(new InProcessRateLimitStore(), { enabled: true, policies: RATE_LIMIT_DEFAULTS, login_backoff: LOGIN_BACKOFF_DEFAULTS });
    const { limit, window_seconds } = RATE_LIMIT_DEFAULTS[name];
    const start = new Date(Math.ceil(Date.parse('2026-01-01T00:00:00Z') / (window_seconds * 1000)) * window_seconds * 1000);
    for (let i = 1; i <= limit; i++) {
      const decision = await limiter.hit(name, 'user:a', start);
      expect(decision).toMatchObject({ allowed: true, remaining: limit - i, reset_seconds: window_seconds });
    }
    expect(await limiter.hit(name, 'user:a', new Date(start.getTime() + 1000))).toMatchObject({ allowed: false, remaining: 0, reset_seconds: window_seconds - 1 });
    expect(await limiter.hit(name, 'user:b', start)).toMatchObject({ allowed: true });
    expect(await limiter.hit(name, 'user:a', new Date(start.getTime() + window_seconds * 1000))).toMatchObject({ allowed: true, remaining: limit - 1 });
  });

  it('answers null when limits are off', async () => {
    const limiter = new RateLimiter(new InProcessRateLimitStore(), { enabled: false, policies: RATE_LIMIT_DEFAULTS, login_backoff: LOGIN_BACKOFF_DEFAULTS });
    expect(await limiter.hit('profiles.create', 'user:a', new Date())).toBeNull();
  });
});

describe('InProcessRateLimitStore', () => {
  it('restarts an expired counter at 1 and prunes it', async () => {
    const store = new InProcessRateLimitStore();
    const t0 = new Date('2026-01-01T00:00:00Z');
    const t1 = new Date(t0.getTime() + 1000);
    expect((await store.increment('k', t0, t1)).count).toBe(1);
    expect((await store.increment('k', t0, t1)).count).toBe(2);
    expect(await store.get('k', t1)).toBeNull();
    expect((await store.increment('k', t1, new Date(t1.getTime() + 1000))).count).toBe(1);
    expect(await store.prune(new Date(t1.getTime() + 5000))).toBe(1);
  });
});
