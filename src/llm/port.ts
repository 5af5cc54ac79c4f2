import { CoverLetterContent, GenerationInput, ResumeContent } from '../../contracts/generations/content';

/**
 * The content-writer port: something that turns a profile, a job and options into a resume or a
 * cover letter in the contract's document model. The OpenAI adapter (src/llm/openai/) is one;
 * a deterministic writer can be another. Callers see only this file.
 */

/** Tokens one call consumed, summed over every reply it needed (a shape retry costs twice). */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** The model that wrote the accepted reply (the fallback model after a 503). */
  model: string;
}

export interface ProviderResult<T> {
  content: T;
  usage: TokenUsage;
}

export interface GenerationContext {
  generation_id: string;
  /** Cancels the call; a cancelled call fails with a non-retryable ProviderError. */
  signal?: AbortSignal;
}

export interface ContentProvider {
  readonly name: string;
  writeResume(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<ResumeContent>>;
  writeCoverLetter(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<CoverLetterContent>>;
}

/**
 * Why a provider call failed, for logs, metrics and the caller's retry policy:
 * - unavailable: the circuit breaker is open;
 * - overloaded: 429 or 5xx on every attempt; timeout: no reply within the time limit;
 * - invalid_reply: the reply was not the contract's shape, even after one corrective retry;
 * - rejected: the service refused the request (bad key, unknown model, …);
 * - cancelled: the caller's signal aborted the call.
 */
export type ProviderErrorKind = 'unavailable' | 'overloaded' | 'timeout' | 'invalid_reply' | 'rejected' | 'cancelled';

/**
 * A provider call that failed. `reason` is a sentence a user may read; `retryable` says whether
 * the same call later may succeed (the service was down or slow), as opposed to one that will
 * fail again the same way.
 */
export class ProviderError extends Error {
  /** Tokens spent before the failure (replies of the wrong shape still cost), when any. */
  readonly usage: TokenUsage | null;

  constructor(
    readonly kind: ProviderErrorKind,
    readonly reason: string,
    readonly retryable: boolean,
    details: { cause?: unknown; usage?: TokenUsage } = {},
  ) {
    super(reason, { cause: details.cause });
    this.name = 'ProviderError';
    this.usage = details.usage ?? null;
  }
}
