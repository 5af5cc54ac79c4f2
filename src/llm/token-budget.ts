import { GenerationInput } from '../../contracts/generations/content';
import { ChatMessage, coverLetterMessages, resumeMessages } from './prompts';

/**
 * Token budgets: how many LLM tokens one generation, one user per day and everyone per day may
 * spend. Pure: the caller brings the usage so far and an estimate of the next call, and gets a
 * level back:
 * - ok: go ahead;
 * - warn: go ahead, but the budget is running low (≥ 70 % by default);
 * - throttle: go ahead only slowly / queue it (≥ 85 %);
 * - suspend: do not call the model (≥ 95 %).
 * A budget is measured with the estimate included: "would this call take us past the mark".
 */

export type BudgetLevel = 'ok' | 'warn' | 'throttle' | 'suspend';

export interface TokenLimits {
  per_generation: number;
  per_user_per_day: number;
  overall_per_day: number;
  /** Shares of a limit, each in (0, 1], warn < throttle < suspend. */
  thresholds: { warn: number; throttle: number; suspend: number };
}

export const DEFAULT_TOKEN_LIMITS: TokenLimits = {
  per_generation: 8_000,
  per_user_per_day: 5_000,
  overall_per_day: 50_000,
  thresholds: { warn: 0.7, throttle: 0.85, suspend: 0.95 },
};

/** Tokens already spent: by this generation, by its user today, by everyone today. */
export interface TokenSpend {
  generation: number;
  user_today: number;
  overall_today: number;
}

export interface TokenEstimate {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface BudgetAssessment {
  level: BudgetLevel;
  /** One sentence per budget at warn or above, e.g. "this user's daily budget: 4,500 of 5,000 tokens (90 %) with this call". */
  reasons: string[];
}

const LEVELS: BudgetLevel[] = ['ok', 'warn', 'throttle', 'suspend'];

export function assess(spent: TokenSpend, estimate: TokenEstimate, limits: TokenLimits = DEFAULT_TOKEN_LIMITS): BudgetAssessment {
  const budgets = [
    { name: 'this generation\'s budget', used: spent.generation, limit: limits.per_generation },
    { name: 'this user\'s daily budget', used: spent.user_today, limit: limits.per_user_per_day },
    { name: 'the daily budget of the service', used: spent.overall_today, limit: limits.overall_per_day },
  ];
  let level: BudgetLevel = 'ok';
  const reasons: string[] = [];
  for (const budget of budgets) {
    const projected = budget.used + estimate.total_tokens;
    const share = budget.limit > 0 ? projected / budget.limit : Infinity;
    const reached = levelOf(share, limits.thresholds);
    if (reached === 'ok') continue;
    if (LEVELS.indexOf(reached) > LEVELS.indexOf(level)) level = reached;
    const percent = Number.isFinite(share) ? `${Math.round(share * 100)} %` : 'no budget';
    reasons.push(`${budget.name}: ${fmt(projected)} of ${fmt(budget.limit)} tokens (${percent}) with this call, at ${reached} level`);
  }
  return { level, reasons };
}

function levelOf(share: number, t: TokenLimits['thresholds']): BudgetLevel {
  if (share >= t.suspend) return 'suspend';
  if (share >= t.throttle) return 'throttle';
  if (share >= t.warn) return 'warn';
  return 'ok';
}

const fmt = (n: number) => n.toLocaleString('en-US');

export interface EstimateOptions {
  /** Characters of prompt per token: about 4 for English text and JSON with OpenAI's tokenizers. */
  chars_per_token: number;
  /** Completion tokens per word of the requested length: about 1.4 (≈ 0.75 words a token). */
  completion_tokens_per_word: number;
}

export const DEFAULT_ESTIMATE_OPTIONS: EstimateOptions = { chars_per_token: 4, completion_tokens_per_word: 1.4 };

/**
 * A heuristic estimate of what one generation costs, before it runs. The prompt part measures
 * the very messages src/llm/prompts.ts builds (profile facts, job, the JSON Schema) at
 * `chars_per_token`; the completion part is the requested length in words × `completion_tokens_per_word`.
 * A cover letter adds its own prompt and its own length. Feedback's `length` replaces max_length.
 * It leaves out the JSON structure of the reply and a corrective retry, so real usage is higher;
 * raise completion_tokens_per_word to budget for them.
 */
export function estimateTokenUsage(input: GenerationInput, options: EstimateOptions = DEFAULT_ESTIMATE_OPTIONS): TokenEstimate {
  const resumeWords = input.feedback?.length ?? input.options.max_length;
  let prompt_tokens = promptTokens(resumeMessages(input), options);
  let completion_tokens = Math.ceil(resumeWords * options.completion_tokens_per_word);
  if (input.options.include_cover_letter) {
    prompt_tokens += promptTokens(coverLetterMessages(input), options);
    completion_tokens += Math.ceil(input.options.cover_letter_max_length * options.completion_tokens_per_word);
  }
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

/** Tokens of a text at the heuristic's rate; also stands in for a server that reports no usage. */
export function approximateTokens(text: string, chars_per_token = DEFAULT_ESTIMATE_OPTIONS.chars_per_token): number {
  return Math.ceil(text.length / chars_per_token);
}

function promptTokens(messages: ChatMessage[], options: EstimateOptions): number {
  return messages.reduce((sum, m) => sum + approximateTokens(m.content, options.chars_per_token), 0);
}
