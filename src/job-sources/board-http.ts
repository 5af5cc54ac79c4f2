import { setTimeout as delay } from 'node:timers/promises';
import { BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, retryAfterMs } from '../llm/backoff';
import { BreakerOptions, BreakerState, CircuitBreaker, DEFAULT_BREAKER } from '../llm/circuit-breaker';
import { Clock, systemClock } from '../shared/clock';
import { JobBoardError } from './port';

/**
 * GETs JSON from a job board through the spec's policy for outside services (the same backoff
 * and breaker as the writing service, src/llm): 429, 408, 5xx, timeouts and lost connections are
 * retried (initial 1 s, doubling, max 30 s, 3 attempts in all, ±25 % jitter; a 429's Retry-After
 * replaces the computed wait) and count against the breaker, which after 5 of them in a row stops
 * calling the board for 60 s. Any other 4xx is the board's answer: not retried, not a failure.
 */
export interface BoardHttpOptions {
  timeout_ms: number;
  backoff?: Partial<BackoffPolicy>;
  breaker?: Partial<BreakerOptions>;
  clock?: Clock;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

type Attempt =
  | { kind: 'ok'; body: unknown }
  | { kind: 'transient'; message: string; retry_after_ms: number | null; status: number | null; timed_out: boolean }
  | { kind: 'rejected'; status: number }
  | { kind: 'malformed'; message: string };

const USER_AGENT = 'JobWise job-board sync';

export class BoardHttp {
  private readonly breaker: CircuitBreaker;
  private readonly backoff: BackoffPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: BoardHttpOptions) {
    this.clock = options.clock ?? systemClock;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.breaker = new CircuitBreaker(this.clock, { ...DEFAULT_BREAKER, ...options.breaker });
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  }

  get breakerState(): BreakerState {
    return this.breaker.state;
  }

  async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    let last: Extract<Attempt, { kind: 'transient' }> | null = null;
    for (let attempt = 1; attempt <= this.backoff.attempts; attempt++) {
      if (last) await this.sleep(backoffDelay(attempt - 1, this.backoff, this.random, last.retry_after_ms), signal);
      signal?.throwIfAborted();
      if (!this.breaker.tryAcquire()) {
        const retry_at = this.breaker.retryAt();
        throw new JobBoardError('breaker_open', `The job board failed repeatedly; not called again before ${retry_at?.toISOString()}`, retry_at);
      }
      const outcome = await this.attempt(url, signal);
      switch (outcome.kind) {
        case 'ok':
          this.breaker.recordSuccess();
          return outcome.body;
        case 'rejected':
          this.breaker.recordSuccess();
          throw new JobBoardError('rejected', `The job board answered ${outcome.status}`);
        case 'malformed':
          this.breaker.recordSuccess();
          throw new JobBoardError('malformed', outcome.message);
        case 'transient':
          this.breaker.recordFailure();
          last = outcome;
          break;
        default: {
          const unknown: never = outcome;
          throw new Error(`unknown attempt outcome ${JSON.stringify(unknown)}`);
        }
      }
    }
    const failure = last!;
    const tries = `${this.backoff.attempts} attempts`;
    if (failure.timed_out) throw new JobBoardError('timeout', `The job board did not answer within ${this.options.timeout_ms} ms (${tries})`);
    if (failure.status === 429) throw new JobBoardError('rate_limited', `The job board is limiting requests (429, ${tries})`);
    throw new JobBoardError('unavailable', `The job board failed (${tries}): ${failure.message}`);
  }

  private async attempt(url: string, signal: AbortSignal | undefined): Promise<Attempt> {
    const deadline = AbortSignal.timeout(this.options.timeout_ms);
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': USER_AGENT },
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const status = response.status;
      if (status === 408 || status === 429 || status >= 500) {
        await response.body?.cancel();
        return { kind: 'transient', status, timed_out: false, retry_after_ms: retryAfterMs(response.headers, this.clock.now()), message: `HTTP ${status}` };
      }
      if (status < 200 || status >= 300) {
        await response.body?.cancel();
        return { kind: 'rejected', status };
      }
      const text = await response.text();
      try {
        return { kind: 'ok', body: JSON.parse(text) as unknown };
      } catch {
        return { kind: 'malformed', message: 'The job board answered with something that is not JSON' };
      }
    } catch (error) {
      if (signal?.aborted) {
        this.breaker.release();
        throw signal.reason;
      }
      if (deadline.aborted) return { kind: 'transient', status: null, timed_out: true, retry_after_ms: null, message: 'timed out' };
      return { kind: 'transient', status: null, timed_out: false, retry_after_ms: null, message: error instanceof Error ? error.message : String(error) };
    }
  }
}
