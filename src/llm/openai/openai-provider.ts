import { setTimeout as delay } from 'node:timers/promises';
import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { CoverLetterContent, GenerationInput, ResumeContent } from '../../../contracts/generations/content';
import { Clock, systemClock } from '../../shared/clock';
import { BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from '../backoff';
import { BreakerOptions, CircuitBreaker, DEFAULT_BREAKER } from '../circuit-breaker';
import { ContentProvider, GenerationContext, ProviderError, ProviderResult, TokenUsage } from '../port';
import { ChatMessage, correctionMessages, coverLetterMessages, resumeMessages } from '../prompts';
import { readReply } from '../reply';
import { approximateTokens } from '../token-budget';
import { classifyFailure, exhaustedReason, Failure, rejectedReason, rejectsJsonMode } from './failures';

export interface OpenAiProviderOptions {
  api_key: string;
  /** Any OpenAI-compatible server, e.g. http://localhost:11434/v1; OpenAI's own when null. */
  base_url?: string | null;
  model?: string;
  /** Used for the rest of a call after a 503 from the model; null: none. */
  fallback_model?: string | null;
  /** One request's limit, reply body included; a slower reply is a retryable failure. */
  timeout_ms?: number;
  /** null leaves the server's default (some models accept no other). */
  temperature?: number | null;
  backoff?: Partial<BackoffPolicy>;
  breaker?: Partial<BreakerOptions>;
  /** Injected so tests move time instead of waiting. */
  clock?: Clock;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const OPENAI_DEFAULTS = {
  base_url: 'https://api.openai.com/v1',
  model: 'gpt-4',
  fallback_model: 'gpt-3.5-turbo',
  timeout_ms: 60_000,
  temperature: 0.2,
};

const UNAVAILABLE = 'The writing service is temporarily unavailable';

interface Reply {
  text: string | null;
  refusal: string | null;
  truncated: boolean;
  usage: TokenUsage;
}

type Attempt = { kind: 'reply'; reply: Reply } | { kind: 'cancelled' } | Failure;

/**
 * The content writer on OpenAI's chat-completions API (or a compatible server). The SDK's own
 * retries are off; this class retries 429/5xx/timeouts with backoff, moves to the fallback model
 * on 503, stops calling a failing service through a circuit breaker, and accepts a reply only
 * when it parses with the contract (one corrective retry that names the problems).
 */
export class OpenAiProvider implements ContentProvider {
  readonly name = 'openai';
  private readonly client: OpenAI;
  private readonly breaker: CircuitBreaker;
  private readonly backoff: BackoffPolicy;
  private readonly model: string;
  private readonly fallback_model: string | null;
  private readonly timeout_ms: number;
  private readonly temperature: number | null;
  private readonly clock: Clock;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  /** Cleared for good once the server refuses response_format. */
  private json_mode = true;

  constructor(options: OpenAiProviderOptions) {
    this.model = options.model ?? OPENAI_DEFAULTS.model;
    const fallback = options.fallback_model === undefined ? OPENAI_DEFAULTS.fallback_model : options.fallback_model;
    this.fallback_model = fallback && fallback !== this.model ? fallback : null;
    this.timeout_ms = options.timeout_ms ?? OPENAI_DEFAULTS.timeout_ms;
    this.temperature = options.temperature === undefined ? OPENAI_DEFAULTS.temperature : options.temperature;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    if (!(this.backoff.attempts >= 1)) throw new Error('OpenAiProvider needs at least one attempt');
    this.clock = options.clock ?? systemClock;
    this.breaker = new CircuitBreaker(this.clock, { ...DEFAULT_BREAKER, ...options.breaker });
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.random = options.random ?? Math.random;
    this.client = new OpenAI({
      apiKey: options.api_key,
      baseURL: options.base_url ?? OPENAI_DEFAULTS.base_url,
      timeout: this.timeout_ms,
      maxRetries: 0,
      logLevel: 'off',
    });
  }

  writeResume(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<ResumeContent>> {
    return this.write(resumeMessages(input), ResumeContent, ctx);
  }

  writeCoverLetter(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<CoverLetterContent>> {
    return this.write(coverLetterMessages(input), CoverLetterContent, ctx);
  }

  private async write<T>(messages: ChatMessage[], schema: z.ZodType<T>, ctx: GenerationContext): Promise<ProviderResult<T>> {
    const first = await this.complete(messages, ctx);
    const firstReading = readReply(first.text, schema);
    if (firstReading.ok) return { content: firstReading.value, usage: first.usage };

    const retry = [...messages, ...correctionMessages(first.text ?? '', problemOf(first, firstReading.problem))];
    const second = await this.complete(retry, ctx, first.usage);
    const usage = addUsage(first.usage, second.usage);
    const secondReading = readReply(second.text, schema);
    if (secondReading.ok) return { content: secondReading.value, usage };
    const reason = `The model reply did not match the expected shape after a retry: ${problemOf(second, secondReading.problem)}`;
    throw new ProviderError('invalid_reply', reason, false, { usage });
  }

  /** One reply, through the breaker and the retry loop. `spent` is carried into errors for the budget. */
  private async complete(messages: ChatMessage[], ctx: GenerationContext, spent?: TokenUsage): Promise<Reply> {
    let model = this.model;
    let last: (Failure & { kind: 'transient' }) | null = null;
    for (let attempt = 1; attempt <= this.backoff.attempts; attempt++) {
      if (last) await this.pause(backoffDelay(attempt - 1, this.backoff, this.random, last.retry_after_ms), ctx, spent);
      if (!this.breaker.tryAcquire()) throw new ProviderError('unavailable', UNAVAILABLE, true, { usage: spent });
      const outcome = await this.attempt(model, messages, ctx.signal);
      switch (outcome.kind) {
        case 'reply':
          this.breaker.recordSuccess();
          return outcome.reply;
        case 'cancelled':
          this.breaker.release();
          throw cancelled(spent);
        case 'rejected':
          this.breaker.recordSuccess();
          throw new ProviderError('rejected', rejectedReason(outcome), false, { usage: spent });
        case 'transient':
          this.breaker.recordFailure();
          last = outcome;
          if (outcome.status === 503 && this.fallback_model) model = this.fallback_model;
          break;
        default: {
          const unknown: never = outcome;
          throw new Error(`unknown attempt outcome ${JSON.stringify(unknown)}`);
        }
      }
    }
    const failure = last!;
    const kind = failure.timed_out ? 'timeout' : 'overloaded';
    throw new ProviderError(kind, exhaustedReason(failure, this.backoff.attempts, this.timeout_ms), true, { usage: spent });
  }

  private async attempt(model: string, messages: ChatMessage[], signal: AbortSignal | undefined): Promise<Attempt> {
    const deadline = AbortSignal.timeout(this.timeout_ms);
    try {
      const completion = await this.client.chat.completions.create(this.body(model, messages), {
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      return { kind: 'reply', reply: toReply(completion, model, messages) };
    } catch (error) {
      if (signal?.aborted) return { kind: 'cancelled' };
      if (this.json_mode && rejectsJsonMode(error)) {
        this.json_mode = false;
        return this.attempt(model, messages, signal);
      }
      return classifyFailure(error, deadline.aborted, this.clock.now());
    }
  }

  private body(model: string, messages: ChatMessage[]): ChatCompletionCreateParamsNonStreaming {
    return {
      model,
      messages,
      ...(this.json_mode ? { response_format: { type: 'json_object' as const } } : {}),
      ...(this.temperature === null ? {} : { temperature: this.temperature }),
    };
  }

  private async pause(ms: number, ctx: GenerationContext, spent: TokenUsage | undefined): Promise<void> {
    try {
      await this.sleep(ms, ctx.signal);
    } catch (error) {
      if (ctx.signal?.aborted) throw cancelled(spent);
      throw error;
    }
    if (ctx.signal?.aborted) throw cancelled(spent);
  }
}

const cancelled = (usage: TokenUsage | undefined) => new ProviderError('cancelled', 'The generation was cancelled', false, { usage });

function toReply(completion: ChatCompletion, model: string, messages: ChatMessage[]): Reply {
  const choice = completion.choices?.[0];
  const text = choice?.message?.content ?? null;
  const usage: TokenUsage = completion.usage
    ? {
        prompt_tokens: completion.usage.prompt_tokens,
        completion_tokens: completion.usage.completion_tokens,
        total_tokens: completion.usage.total_tokens,
        model: completion.model || model,
      }
    : estimatedUsage(messages, text, completion.model || model);
  return { text, refusal: choice?.message?.refusal ?? null, truncated: choice?.finish_reason === 'length', usage };
}

/** Some compatible servers report no usage; the budget still needs a number. */
function estimatedUsage(messages: ChatMessage[], text: string | null, model: string): TokenUsage {
  const prompt_tokens = approximateTokens(messages.map((m) => m.content).join('\n'));
  const completion_tokens = approximateTokens(text ?? '');
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens, model };
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
    model: b.model,
  };
}

function problemOf(reply: Reply, problem: string): string {
  if (reply.refusal) return `the model refused: ${reply.refusal}`;
  return reply.truncated ? `${problem} (the reply was cut off at the length limit)` : problem;
}
