import { Clock } from '../shared/clock';

/**
 * A circuit breaker in front of an outside service. Closed: calls go through and consecutive
 * failures are counted. After `failure_threshold` of them it opens: calls fail fast without
 * touching the service. Once `recovery_ms` have passed it lets exactly one trial call through
 * (half-open); the trial's success closes it, its failure opens it for another `recovery_ms`.
 */

export interface BreakerOptions {
  failure_threshold: number;
  recovery_ms: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failure_threshold: 5, recovery_ms: 60_000 };

export type BreakerState = 'closed' | 'open' | 'half_open';

export class CircuitBreaker {
  private failures = 0;
  private opened_at: number | null = null;
  private trial_in_flight = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get state(): BreakerState {
    if (this.opened_at === null) return 'closed';
    return this.trial_in_flight || this.recovered() ? 'half_open' : 'open';
  }

  /** Whether a call may go out now. In half-open state only the first caller gets true. */
  tryAcquire(): boolean {
    if (this.opened_at === null) return true;
    if (this.trial_in_flight || !this.recovered()) return false;
    this.trial_in_flight = true;
    return true;
  }

  /** The service answered: close. */
  recordSuccess(): void {
    this.failures = 0;
    this.opened_at = null;
    this.trial_in_flight = false;
  }

  /** The service failed (overloaded, down, too slow). */
  recordFailure(): void {
    this.failures += 1;
    if (this.trial_in_flight || this.failures >= this.options.failure_threshold) {
      this.opened_at = this.clock.now().getTime();
    }
    this.trial_in_flight = false;
  }

  /** A call ended without telling anything about the service (the caller cancelled it). */
  release(): void {
    this.trial_in_flight = false;
  }

  /** When the breaker lets a trial through, if it is open; null when closed. */
  retryAt(): Date | null {
    return this.opened_at === null ? null : new Date(this.opened_at + this.options.recovery_ms);
  }

  private recovered(): boolean {
    return this.opened_at !== null && this.clock.now().getTime() - this.opened_at >= this.options.recovery_ms;
  }
}
