import { backoffDelay, BackoffPolicy, DEFAULT_BACKOFF, retryAfterMs } from '../../../src/llm/backoff';

const policy: BackoffPolicy = DEFAULT_BACKOFF;
const middle = () => 0.5;
const headers = (values: Record<string, string>) => new Headers(values);
const now = new Date('2026-01-01T00:00:00.000Z');

describe('backoffDelay', () => {
  it('doubles from 1 s per retry', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, middle))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than 30 s', () => {
    expect(backoffDelay(10, policy, middle)).toBe(30_000);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(30_000);
  });

  it('spreads each delay over ±25 %', () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(1500);
    expect(backoffDelay(2, policy, () => 0.999999)).toBe(2500);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(3500);
  });

  it('waits what the server asked instead, up to the maximum', () => {
    expect(backoffDelay(1, policy, () => 0, 7000)).toBe(7000);
    expect(backoffDelay(1, policy, middle, 0)).toBe(0);
    expect(backoffDelay(1, policy, middle, 3_600_000)).toBe(30_000);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => expect(retryAfterMs(headers({ 'retry-after': '3' }), now)).toBe(3000));
  it('reads fractional seconds', () => expect(retryAfterMs(headers({ 'retry-after': '0.5' }), now)).toBe(500));
  it('reads an HTTP date', () => expect(retryAfterMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000));
  it('reads a date in the past as no wait', () => expect(retryAfterMs(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0));
  it('prefers retry-after-ms', () => expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '3' }), now)).toBe(250));
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(headers({}), now)).toBeNull();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(headers({ 'retry-after': '-1' }), now)).toBeNull();
  });
});
