import { ResumeContent } from '../../contracts/generations/content';
import { startTestApp, TestApp } from '../support/app';
import { ChatCompletionsServer, completion, startChatCompletionsServer } from '../support/chat-completions-server';
import { ALL_ROLES, untilFinished, userWithProfileAndJob } from '../support/generation-flow';

/**
 * The pipeline with the OpenAI provider (the real SDK) against a local server that speaks the
 * chat-completions API: whatever the model writes, the fabrication checker runs before anything
 * is recorded, and the usage it reports is the generation's.
 */
describe('generation written by an OpenAI-compatible server', () => {
  let t: TestApp;
  let llm: ChatCompletionsServer;
  beforeAll(async () => {
    llm = await startChatCompletionsServer();
    t = await startTestApp(
      { GENERATION_STAGE_DURATION_SCALE: '0', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.base_url, OPENAI_MODEL: 'local-model' },
      undefined,
      ALL_ROLES,
    );
  });
  afterAll(async () => {
    await t.stop();
    await llm.close();
  });

  it('keeps what the profile supports, removes what the model invented, and records the tokens', async () => {
    const { user, profile_id, job_id } = await userWithProfileAndJob(t);
    const profile = (await t.http.get(`/api/v1/profiles/${profile_id}`).set(user.auth)).body;
    const [current] = profile.experiences;
    const experience = { kind: 'experience', entry_id: current.id, index: null } as const;
    const reply: ResumeContent = {
      template: 'professional',
      word_count: 30,
      sections: [
        { kind: 'header', heading: 'Ada Example', items: [{ title: { text: profile.personal_info.full_name, sources: [{ kind: 'personal_info', entry_id: null, index: null }] }, meta: null, lines: [] }] },
        {
          kind: 'experience',
          heading: 'Experience',
          items: [
            {
              title: { text: `${current.title}, ${current.company}`, sources: [experience] },
              meta: null,
              lines: [
                { text: current.description, sources: [experience] },
                { text: 'Led 12 engineers and cut cloud costs by 40%', sources: [experience] },
              ],
            },
          ],
        },
      ],
    };
    llm.script(completion(JSON.stringify(reply), { usage: { prompt_tokens: 1200, completion_tokens: 300 } }));

    const asked = await t.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    expect(asked.status).toBe(202);
    expect((await untilFinished(t, user.auth, asked.body.id)).status).toBe('completed');

    const result = (await t.http.get(`/api/v1/generations/${asked.body.id}/result`).set(user.auth)).body;
    expect(result.provider).toBe('openai');
    const text = JSON.stringify(result.resume);
    expect(text).toContain(current.description);
    expect(text).not.toContain('12 engineers');
    expect(text).not.toContain('40%');
    expect(result.repaired).toBeGreaterThan(0);
    expect(llm.requests[0].body.model).toBe('local-model');

    const analytics = (await t.http.get(`/api/v1/generations/${asked.body.id}/analytics`).set(user.auth)).body;
    expect(JSON.stringify(analytics)).toContain('1200');
  });
});

describe('token budgets with an LLM writer', () => {
  let t: TestApp;
  let llm: ChatCompletionsServer;
  beforeAll(async () => {
    llm = await startChatCompletionsServer();
    t = await startTestApp(
      { GENERATION_STAGE_DURATION_SCALE: '0', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.base_url, TOKEN_BUDGET_PER_USER_DAILY: '10000' },
      undefined,
      ALL_ROLES,
    );
  });
  afterAll(async () => {
    await t.stop();
    await llm.close();
  });

  it("given a user who spent most of their day's tokens, when they ask again, then 429 names the budget; another user is not held back", async () => {
    const first = await userWithProfileAndJob(t);
    const { profile_id, job_id } = first;
    const minimal = JSON.stringify({ template: 'professional', word_count: 2, sections: [] });
    llm.script(completion(minimal, { usage: { prompt_tokens: 8000, completion_tokens: 1000 } }));
    const asked = await t.http.post('/api/v1/generations/resume').set(first.user.auth).send({ profile_id, job_id });
    expect(asked.status).toBe(202);
    expect(asked.headers['token-budget']).toBeUndefined();
    await untilFinished(t, first.user.auth, asked.body.id);

    const refused = await t.http.post('/api/v1/generations/resume').set(first.user.auth).send({ profile_id, job_id });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('GENERATION.BUDGET_EXCEEDED');
    expect(refused.body.detail).toContain("this user's daily budget");

    const other = await userWithProfileAndJob(t);
    llm.script(completion(minimal));
    expect((await t.http.post('/api/v1/generations/resume').set(other.user.auth).send({ profile_id: other.profile_id, job_id: other.job_id })).status).toBe(202);
  });
});
