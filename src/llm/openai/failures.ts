import { APIConnectionTimeoutError, APIError } from 'openai';
import { retryAfterMs } from '../backoff';

/**
 * What a failed chat-completions request means for the retry loop:
 * - transient: worth another attempt after a pause (429, 408, 5xx, a timeout, no connection);
 *   it counts against the circuit breaker;
 * - rejected: the service answered and refused (400, 401, 404, …); retrying will not help.
 */
export type Failure =
  | { kind: 'transient'; status: number | null; timed_out: boolean; retry_after_ms: number | null; message: string }
  | { kind: 'rejected'; status: number | null; message: string };

const MAX_MESSAGE = 300;

export function classifyFailure(error: unknown, timed_out: boolean, now: Date): Failure {
  if (timed_out || error instanceof APIConnectionTimeoutError) {
    return { kind: 'transient', status: null, timed_out: true, retry_after_ms: null, message: 'timed out' };
  }
  if (!(error instanceof APIError)) {
    return { kind: 'transient', status: null, timed_out: false, retry_after_ms: null, message: brief(error) };
  }
  const status = error.status ?? null;
  if (status === null || status === 408 || status === 429 || status >= 500) {
    const retry_after_ms = error.headers ? retryAfterMs(error.headers, now) : null;
    return { kind: 'transient', status, timed_out: false, retry_after_ms, message: brief(error) };
  }
  return { kind: 'rejected', status, message: brief(error) };
}

/** A 400 about response_format: the server has no JSON mode (many OpenAI-compatible servers). */
export function rejectsJsonMode(error: unknown): boolean {
  return error instanceof APIError && error.status === 400 && (error.param === 'response_format' || /response_format/i.test(error.message));
}

/** The sentence a user reads when every attempt failed. */
export function exhaustedReason(failure: Failure & { kind: 'transient' }, attempts: number, timeout_ms: number): string {
  const tries = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
  if (failure.timed_out) return `The writing service did not answer within ${timeout_ms / 1000} s (${tries})`;
  if (failure.status === 429) return `The writing service is limiting requests right now (429, ${tries})`;
  if (failure.status === null) return `The writing service could not be reached (${tries}): ${failure.message}`;
  return `The writing service failed (${tries}): ${failure.message}`;
}

export function rejectedReason(failure: Failure & { kind: 'rejected' }): string {
  if (failure.status === 401 || failure.status === 403) return `The writing service refused the configured credentials (${failure.status})`;
  return `The writing service rejected the request: ${failure.message}`;
}

function brief(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
