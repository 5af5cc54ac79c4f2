import { CircuitBreaker } from '../../../src/llm/circuit-breaker';
import { ManualClock } from '../../../src/shared/clock';

function breakerAfterFailures(failures: number) {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker(clock, { failure_threshold: 5, recovery_ms: 60_000 });
  for (let i = 0; i < failures; i++) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
  }
  return { clock, breaker };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold', () => {
    const { breaker } = breakerAfterFailures(4);
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens after 5 consecutive failures and refuses calls', () => {
    const { breaker } = breakerAfterFailures(5);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryAt()).toEqual(new Date('2026-01-01T00:01:00.000Z'));
  });

  it('counts only consecutive failures: a success starts again', () => {
    const { breaker } = breakerAfterFailures(4);
    breaker.recordSuccess();
    for (let i = 0; i < 4; i++) breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one trial through after the recovery time', () => {
    const { clock, breaker } = breakerAfterFailures(5);
    clock.advance(59_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    const { clock, breaker } = breakerAfterFailures(5);
    clock.advance(60_000);
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens for another recovery time when the trial fails', () => {
    const { clock, breaker } = breakerAfterFailures(5);
    clock.advance(60_000);
    breaker.tryAcquire();
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.advance(59_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('gives the trial to the next caller when the trial was cancelled', () => {
    const { clock, breaker } = breakerAfterFailures(5);
    clock.advance(60_000);
    breaker.tryAcquire();
    breaker.release();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
