import { openContentProvider } from '../../../src/adapters';
import { loadConfig } from '../../../src/config';

describe('the content provider the configuration selects', () => {
  it('is the deterministic writer without OPENAI_API_KEY', () => {
    expect(openContentProvider(loadConfig({})).name).toBe('deterministic');
    expect(openContentProvider(loadConfig({ OPENAI_API_KEY: '  ' })).name).toBe('deterministic');
  });

  it('is OpenAI with a key, with the model, fallback, server and time limit configured', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3', OPENAI_TIMEOUT_MS: '5000' });

    expect(config.generation.openai).toEqual({ api_key: 'sk-test', base_url: 'http://localhost:11434/v1', model: 'llama3', fallback_model: 'gpt-3.5-turbo', timeout_ms: 5000 });
    expect(openContentProvider(config).name).toBe('openai');
  });

  it("defaults to the spec's models, stage durations and token budgets", () => {
    const { generation } = loadConfig({ OPENAI_API_KEY: 'sk-test' });

    expect(generation.openai).toMatchObject({ base_url: null, model: 'gpt-4', fallback_model: 'gpt-3.5-turbo', timeout_ms: 60_000 });
    expect(generation.stage_duration_scale).toBe(1);
    expect(generation.token_limits).toMatchObject({ per_generation: 8000, per_user_per_day: 5000, overall_per_day: 50_000 });
  });

  it('takes budgets and a duration scale, and refuses bad ones', () => {
    const { generation } = loadConfig({ GENERATION_STAGE_DURATION_SCALE: '0', TOKEN_BUDGET_PER_GENERATION: '2000', TOKEN_BUDGET_PER_USER_DAILY: '100', TOKEN_BUDGET_DAILY: '900' });

    expect(generation.stage_duration_scale).toBe(0);
    expect(generation.token_limits).toMatchObject({ per_generation: 2000, per_user_per_day: 100, overall_per_day: 900 });
    expect(() => loadConfig({ GENERATION_STAGE_DURATION_SCALE: '-1' })).toThrow(/GENERATION_STAGE_DURATION_SCALE/);
    expect(() => loadConfig({ TOKEN_BUDGET_DAILY: 'lots' })).toThrow(/TOKEN_BUDGET_DAILY/);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL/);
  });
});
