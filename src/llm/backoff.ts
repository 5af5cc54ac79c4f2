/**
 * Exponential backoff with jitter for calls to a rate-limited or overloaded service.
 * Pure: randomness and "now" come in as arguments, so tests pin every delay.
 */

export interface BackoffPolicy {
  /** Delay before the first retry. */
  initial_ms: number;
  /** No delay is longer than this, Retry-After included. */
  max_ms: number;
  /** Attempts in all, the first one included. */
  attempts: number;
  /** 0.25 spreads each delay uniformly over ±25 %, so clients that failed together do not retry together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initial_ms: 1000, max_ms: 30_000, attempts: 3, jitter: 0.25 };

/**
 * The wait before retry number `retry` (1 for the first retry): initial × 2^(retry-1), jittered,
 * capped at max_ms. A server's Retry-After replaces the computed delay (it knows better), still
 * capped at max_ms so one answer cannot park a generation for an hour.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number, retryAfterMs: number | null = null): number {
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), policy.max_ms);
  const base = Math.min(policy.initial_ms * 2 ** Math.max(0, retry - 1), policy.max_ms);
  const jittered = base * (1 + policy.jitter * (2 * random() - 1));
  return Math.round(Math.min(Math.max(0, jittered), policy.max_ms));
}

/**
 * Milliseconds a server asked to wait, from `retry-after-ms` (OpenAI's) or `Retry-After`
 * (seconds or an HTTP date); null when neither is present or readable.
 */
export function retryAfterMs(headers: { get(name: string): string | null }, now: Date): number | null {
  const ms = parseNumber(headers.get('retry-after-ms'));
  if (ms !== null) return ms;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = parseNumber(value);
  if (seconds !== null) return seconds * 1000;
  // An HTTP date names its weekday and month; without the check Date.parse reads "-1" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

function parseNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
