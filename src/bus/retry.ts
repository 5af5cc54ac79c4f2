import { busConsumeFailures, busDeadLetters } from '../shared/metrics';

/**
 * Handler retry policy shared by every bus adapter: exponential backoff with jitter, then
 * dead-lettering. A message that keeps failing must neither block its partition nor crash.
 */

export interface RetryPolicy {
  /** Handler attempts per message, the first one included. */
  max_attempts: number;
  initial_delay_ms: number;
  max_delay_ms: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { max_attempts: 5, initial_delay_ms: 200, max_delay_ms: 5_000 };

export function retryPolicy(overrides: Partial<RetryPolicy> = {}, max_attempts?: number): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  return max_attempts === undefined ? policy : { ...policy, max_attempts };
}

/** "Equal jitter": half the exponential delay is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.max_delay_ms, policy.initial_delay_ms * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export type DeliveryOutcome =
  | { status: 'handled' }
  | { status: 'failed'; error: unknown; attempts: number }
  | { status: 'stopped' };

export interface DeliveryHooks {
  signal: AbortSignal;
  /** The message's topic: each failed attempt counts in `jobwise_bus_consume_failures_total{topic}`. */
  topic?: string;
  /** Runs before each retry, e.g. a consumer heartbeat; may throw to give the message up. */
  beforeRetry?: (error: unknown, attempt: number, delay_ms: number) => Promise<void> | void;
}

export async function deliverWithRetry(
  handle: () => Promise<void>,
  policy: RetryPolicy,
  hooks: DeliveryHooks,
): Promise<DeliveryOutcome> {
  for (let attempt = 1; ; attempt++) {
    if (hooks.signal.aborted) return { status: 'stopped' };
    try {
      await handle();
      return { status: 'handled' };
    } catch (error) {
      if (hooks.topic !== undefined) busConsumeFailures.inc({ topic: hooks.topic });
      if (attempt >= policy.max_attempts) return { status: 'failed', error, attempts: attempt };
      const delay_ms = backoffDelay(attempt, policy);
      await hooks.beforeRetry?.(error, attempt, delay_ms);
      if (!(await sleep(delay_ms, hooks.signal))) return { status: 'stopped' };
    }
  }
}

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Adapters call this for every message they send to a dead-letter topic (`jobwise_bus_dead_letters_total{topic}`). */
export function countDeadLetter(topic: string): void {
  busDeadLetters.inc({ topic });
}

const MAX_ERROR_HEADER_LENGTH = 1_000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_HEADER_LENGTH);
}

export interface MessageOrigin {
  topic: string;
  partition: number;
  offset: string;
}

/** Headers added to a dead-lettered message, next to its original ones. */
export function deadLetterHeaders(origin: MessageOrigin, error: unknown, attempts: number): Record<string, string> {
  return {
    'x-error': describeError(error),
    'x-original-topic': origin.topic,
    'x-original-partition': String(origin.partition),
    'x-original-offset': origin.offset,
    'x-attempts': String(attempts),
  };
}
