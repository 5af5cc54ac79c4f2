/**
 * Rate limits: fixed windows counted in a `RateLimitStore`, which is shared by every `api`
 * process when MongoDB is configured (src/rate-limit/mongo-store.ts) and in-process otherwise.
 *
 * A limit class names a quota (`limit` requests per `window_seconds`); a route declares its
 * class (`route({ ..., rate_limit: 'profiles.update' })`) and is counted per caller: the user id
 * on authenticated routes, the client IP on register and login. Windows are aligned to the
 * epoch (`floor(now / window)`), so every process agrees on which counter a request goes to.
 */

/** The spec's table, plus the per-IP limits on the unauthenticated account routes. */
export const RATE_LIMIT_DEFAULTS = {
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
  /** Per client IP. */
  'auth.register': { limit: 20, window_seconds: 3600 },
  /** Per client IP (failed logins of one account also back off: see LoginBackoff). */
  'auth.login': { limit: 30, window_seconds: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitClass = keyof typeof RATE_LIMIT_DEFAULTS;
export const RATE_LIMIT_CLASSES = Object.keys(RATE_LIMIT_DEFAULTS) as RateLimitClass[];

export interface RateLimitPolicy {
  limit: number;
  window_seconds: number;
}

export interface RateLimitSettings {
  enabled: boolean;
  policies: Record<RateLimitClass, RateLimitPolicy>;
  login_backoff: LoginBackoffPolicy;
}

export interface LoginBackoffPolicy {
  /** Failed logins of one account before it is locked. */
  threshold: number;
  /** The first lock; each further failure doubles it, up to `max_seconds`. */
  base_seconds: number;
  max_seconds: number;
}

export const LOGIN_BACKOFF_DEFAULTS: LoginBackoffPolicy = { threshold: 5, base_seconds: 30, max_seconds: 3600 };

export interface CounterValue {
  count: number;
  expires_at: Date;
  updated_at: Date;
}

/**
 * Shared counters. `increment` is atomic: concurrent increments of one key from any number of
 * processes each see a distinct count. A counter past `expires_at` counts as absent (it starts
 * again at 1) and is pruned eventually.
 */
export interface RateLimitStore {
  increment(key: string, now: Date, expires_at: Date): Promise<CounterValue>;
  get(key: string, now: Date): Promise<CounterValue | null>;
  reset(key: string): Promise<void>;
  /** Removes expired counters; answers how many. */
  prune(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** Counters in this process's memory: the store of a single-process deployment and of tests. */
export class InProcessRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, CounterValue>();
  private lastPrune = 0;

  async increment(key: string, now: Date, expires_at: Date): Promise<CounterValue> {
    this.pruneNow(now, false);
    const current = this.counters.get(key);
    const count = current && current.expires_at > now ? current.count + 1 : 1;
    const next = { count, expires_at, updated_at: now };
    this.counters.set(key, next);
    return { ...next };
  }

  async get(key: string, now: Date): Promise<CounterValue | null> {
    const current = this.counters.get(key);
    return current && current.expires_at > now ? { ...current } : null;
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async prune(now: Date): Promise<number> {
    return this.pruneNow(now, true);
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  /** Sweeps at most once a minute, so memory stays bounded by the keys of the live windows. */
  private pruneNow(now: Date, force: boolean): number {
    if (!force && now.getTime() - this.lastPrune < 60_000) return 0;
    this.lastPrune = now.getTime();
    let removed = 0;
    for (const [key, value] of this.counters) {
      if (value.expires_at <= now) {
        this.counters.delete(key);
        removed++;
      }
    }
    return removed;
  }
}

/** What one request's check found; the HTTP edge turns it into `RateLimit` headers. */
export interface RateLimitDecision {
  allowed: boolean;
  class: RateLimitClass | 'auth.login_backoff';
  limit: number;
  remaining: number;
  window_seconds: number;
  /** Seconds until the window ends (and the quota is whole again). */
  reset_seconds: number;
}

/** A request over its quota, or a login while the account is locked: 429 with `Retry-After`. */
export class RateLimitedError extends Error {
  constructor(readonly decision: RateLimitDecision) {
    super(
      decision.class === 'auth.login_backoff'
        ? `Too many failed logins for this account; try again in ${decision.reset_seconds} s`
        : `Rate limit ${decision.class} (${decision.limit} per ${decision.window_seconds} s) reached; try again in ${decision.reset_seconds} s`,
    );
    this.name = 'RateLimitedError';
  }
}

/** Counts requests per class and caller in fixed, epoch-aligned windows. */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: RateLimitSettings,
  ) {}

  get enabled(): boolean {
    return this.settings.enabled;
  }

  policy(name: RateLimitClass): RateLimitPolicy {
    return this.settings.policies[name];
  }

  /** Counts one request of `caller` against `name`; null when limits are off. */
  async hit(name: RateLimitClass, caller: string, now: Date): Promise<RateLimitDecision | null> {
    if (!this.settings.enabled) return null;
    const { limit, window_seconds } = this.settings.policies[name];
    const window_ms = window_seconds * 1000;
    const window = Math.floor(now.getTime() / window_ms);
    const ends = new Date((window + 1) * window_ms);
    const { count } = await this.store.increment(`rl:${name}:${caller}:${window}`, now, ends);
    return {
      allowed: count <= limit,
      class: name,
      limit,
      remaining: Math.max(0, limit - count),
      window_seconds,
      reset_seconds: Math.max(1, Math.ceil((ends.getTime() - now.getTime()) / 1000)),
    };
  }
}

/**
 * Per-account back-off after failed logins: after `threshold` failures in a row the account is
 * locked for `base_seconds`, doubling with each further failure up to `max_seconds`; a
 * successful login resets it. Failures are forgotten a day after the last one.
 */
export class LoginBackoff {
  private static readonly MEMORY_MS = 24 * 3600 * 1000;

  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: { enabled: boolean; policy: LoginBackoffPolicy },
  ) {}

  /** Throws RateLimitedError while `account` is locked. */
  async check(account: string, now: Date): Promise<void> {
    if (!this.settings.enabled) return;
    const failures = await this.store.get(this.key(account), now);
    if (!failures) return;
    const lock_ms = this.lockMs(failures.count);
    const until = failures.updated_at.getTime() + lock_ms;
    if (lock_ms > 0 && until > now.getTime()) {
      throw new RateLimitedError({
        allowed: false,
        class: 'auth.login_backoff',
        limit: this.settings.policy.threshold,
        remaining: 0,
        window_seconds: Math.ceil(lock_ms / 1000),
        reset_seconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
      });
    }
  }

  async failed(account: string, now: Date): Promise<void> {
    if (!this.settings.enabled) return;
    await this.store.increment(this.key(account), now, new Date(now.getTime() + LoginBackoff.MEMORY_MS));
  }

  async succeeded(account: string): Promise<void> {
    if (!this.settings.enabled) return;
    await this.store.reset(this.key(account));
  }

  private lockMs(failures: number): number {
    const { threshold, base_seconds, max_seconds } = this.settings.policy;
    if (failures < threshold) return 0;
    return Math.min(max_seconds, base_seconds * 2 ** Math.min(failures - threshold, 30)) * 1000;
  }

  private key(account: string): string {
    return `login-failures:${account}`;
  }
}
