import { assess, DEFAULT_TOKEN_LIMITS, estimateTokenUsage, TokenLimits } from '../../../src/llm/token-budget';
import { coverLetterMessages, resumeMessages } from '../../../src/llm/prompts';
import { generationInput } from './fixtures';

const estimate = (total_tokens: number) => ({ prompt_tokens: total_tokens, completion_tokens: 0, total_tokens });
const nothingSpent = { generation: 0, user_today: 0, overall_today: 0 };

describe('assess', () => {
  it('is ok well below every limit', () => {
    expect(assess(nothingSpent, estimate(1000))).toEqual({ level: 'ok', reasons: [] });
  });

  it.each([
    [3499, 'ok'],
    [3500, 'warn'],
    [4250, 'throttle'],
    [4750, 'suspend'],
    [9000, 'suspend'],
  ])('measures the user\'s day with the estimate included: %i of 5,000 is %s', (projected, level) => {
    const result = assess({ generation: 0, user_today: projected - 500, overall_today: 0 }, estimate(500));
    expect(result.level).toBe(level);
  });

  it('says which budgets run short, and takes the worst level', () => {
    const result = assess({ generation: 5000, user_today: 0, overall_today: 46_000 }, estimate(1000));
    expect(result).toEqual({
      level: 'throttle',
      reasons: [
        "this generation's budget: 6,000 of 8,000 tokens (75 %) with this call, at warn level",
        'the daily budget of the service: 47,000 of 50,000 tokens (94 %) with this call, at throttle level',
      ],
    });
  });

  it('takes its limits and thresholds from the caller', () => {
    const limits: TokenLimits = { per_generation: 100, per_user_per_day: 1000, overall_per_day: 1000, thresholds: { warn: 0.5, throttle: 0.6, suspend: 0.7 } };
    expect(assess(nothingSpent, estimate(55), limits).level).toBe('warn');
    expect(assess(nothingSpent, estimate(65), limits).level).toBe('throttle');
    expect(assess(nothingSpent, estimate(70), limits).level).toBe('suspend');
  });

  it('suspends when a limit is zero', () => {
    expect(assess(nothingSpent, estimate(1), { ...DEFAULT_TOKEN_LIMITS, overall_per_day: 0 })).toMatchObject({ level: 'suspend' });
  });
});

describe('estimateTokenUsage', () => {
  const chars = (messages: { content: string }[]) => messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);

  it('counts the resume prompt at 4 characters a token and 1.4 tokens per requested word', () => {
    const input = generationInput({ options: { max_length: 500 } });
    expect(estimateTokenUsage(input)).toEqual({
      prompt_tokens: chars(resumeMessages(input)),
      completion_tokens: 700,
      total_tokens: chars(resumeMessages(input)) + 700,
    });
  });

  it('adds the cover letter\'s own prompt and length', () => {
    const input = generationInput({ options: { max_length: 500, include_cover_letter: true, cover_letter_max_length: 300 } });
    const prompt = chars(resumeMessages(input)) + chars(coverLetterMessages(input));
    expect(estimateTokenUsage(input)).toEqual({ prompt_tokens: prompt, completion_tokens: 700 + 420, total_tokens: prompt + 1120 });
  });

  it('uses the length the feedback asks for', () => {
    const input = generationInput({ options: { max_length: 500 }, feedback: { emphasise: [], drop: [], reorder: [], tone: null, length: 1000 } });
    expect(estimateTokenUsage(input).completion_tokens).toBe(1400);
  });

  it('grows with the profile', () => {
    const small = generationInput();
    const large = generationInput();
    large.profile.skills.technical.push(...Array.from({ length: 50 }, (_, i) => `Skill number ${i}`));
    expect(estimateTokenUsage(large).prompt_tokens).toBeGreaterThan(estimateTokenUsage(small).prompt_tokens + 200);
  });

  it('takes its rates from the caller', () => {
    const input = generationInput({ options: { max_length: 500 } });
    const estimate = estimateTokenUsage(input, { chars_per_token: 2, completion_tokens_per_word: 3 });
    expect(estimate.completion_tokens).toBe(1500);
    expect(estimate.prompt_tokens).toBeGreaterThan(estimateTokenUsage(input).prompt_tokens * 1.9);
  });
});
