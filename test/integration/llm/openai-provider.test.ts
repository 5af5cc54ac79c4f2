import { ManualClock } from '../../../src/shared/clock';
import { OpenAiProvider, OpenAiProviderOptions } from '../../../src/llm/openai';
import { ProviderError } from '../../../src/llm/port';
import { apiError, ChatCompletionsServer, completion, startChatCompletionsServer } from '../../support/chat-completions-server';
import { generationInput, validResume } from '../../unit/llm/fixtures';

/**
 * The OpenAI adapter with the real `openai` SDK against a scripted local chat-completions server.
 * Waits between retries go through an injected sleep that only records them, and the circuit
 * breaker reads a manual clock, so nothing here waits for real beyond a few request timeouts of
 * 100–300 ms.
 */

let server: ChatCompletionsServer;
let clock: ManualClock;
let sleeps: number[];

beforeEach(async () => {
  server = await startChatCompletionsServer();
  clock = new ManualClock();
  sleeps = [];
});
afterEach(() => server.close());

function provider(options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider {
  return new OpenAiProvider({
    api_key: 'test-key',
    base_url: server.base_url,
    timeout_ms: 2000,
    clock,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5, // no jitter: delays are exactly 1 s, 2 s, …
    ...options,
  });
}

const ctx = { generation_id: 'gen-1' };
const input = generationInput();
const resumeJson = JSON.stringify(validResume());
const models = () => server.requests.map((r) => r.body.model);

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('OpenAiProvider against a chat-completions server', () => {
  it('writes a resume from a valid reply and reports the usage', async () => {
    server.script(completion(resumeJson, { usage: { prompt_tokens: 1200, completion_tokens: 400 } }));

    const result = await provider().writeResume(input, ctx);

    expect(result).toEqual({ content: validResume(), usage: { prompt_tokens: 1200, completion_tokens: 400, total_tokens: 1600, model: 'gpt-4' } });
    const [request] = server.requests;
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(request.body).toMatchObject({ model: 'gpt-4', response_format: { type: 'json_object' } });
    const [system, user] = request.body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('Use only facts stated in the candidate profile');
    expect(system.content).toContain('"word_count"'); // the JSON Schema of ResumeContent
    expect(user.content).toContain('Northwind Freight');
    expect(user.content).toContain('Contoso Logistics');
    expect(user.content).toContain('"keyword":"Kubernetes"');
  });

  it('writes a cover letter in the requested tone', async () => {
    const letter = {
      tone: 'enthusiastic',
      paragraphs: [{ role: 'opening', lines: [{ text: 'I would love to join Contoso Logistics.', sources: [{ kind: 'job', entry_id: input.job.id, index: null }] }] }],
      word_count: 7,
    };
    server.script(completion(JSON.stringify(letter)));

    const result = await provider().writeCoverLetter(generationInput({ options: { tone: 'enthusiastic' } }), ctx);

    expect(result.content).toEqual(letter);
    expect(server.requests[0].body.messages[0].content).toContain('enthusiastic tone');
  });

  it('retries a 429 after the backoff, honouring Retry-After', async () => {
    server.script(apiError(429, 'Rate limit reached'), apiError(429, 'Rate limit reached', { headers: { 'retry-after': '7' } }), completion(resumeJson));

    const result = await provider().writeResume(input, ctx);

    expect(result.content).toEqual(validResume());
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 7000]);
  });

  it('moves to the fallback model after a 503', async () => {
    server.script(apiError(503, 'The model is overloaded'), completion(resumeJson));

    const result = await provider().writeResume(input, ctx);

    expect(models()).toEqual(['gpt-4', 'gpt-3.5-turbo']);
    expect(result.usage.model).toBe('gpt-3.5-turbo');
  });

  it('fails with a retryable ProviderError after three 500s', async () => {
    server.script(apiError(500, 'boom'), apiError(500, 'boom'), apiError(500, 'boom'), completion(resumeJson));

    const error = await failure(provider().writeResume(input, ctx));

    expect(error).toMatchObject({ kind: 'overloaded', retryable: true, reason: 'The writing service failed (3 attempts): 500 boom' });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('counts a reply slower than the timeout as a retryable failure', async () => {
    const slow = completion(resumeJson, { delay_ms: 5000 });
    server.script(slow, slow, slow);

    const started = Date.now();
    const error = await failure(provider({ timeout_ms: 100 }).writeResume(input, ctx));

    expect(error).toMatchObject({ kind: 'timeout', retryable: true, reason: 'The writing service did not answer within 0.1 s (3 attempts)' });
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('succeeds when a reply after a timeout is in time', async () => {
    server.script(completion(resumeJson, { delay_ms: 5000 }), completion(resumeJson));

    const result = await provider({ timeout_ms: 300 }).writeResume(input, ctx);

    expect(result.content).toEqual(validResume());
    expect(server.requests).toHaveLength(2);
  });

  it('asks once more with the problems when the reply is not JSON, and accepts the corrected reply', async () => {
    server.script(completion('{"template": "technical", "sections": [', { usage: { prompt_tokens: 100, completion_tokens: 10 } }), completion(resumeJson));

    const result = await provider().writeResume(input, ctx);

    expect(result.content).toEqual(validResume());
    expect(result.usage).toEqual({ prompt_tokens: 200, completion_tokens: 60, total_tokens: 260, model: 'gpt-4' });
    const second = server.requests[1].body.messages;
    expect(second).toHaveLength(4);
    expect(second[2]).toEqual({ role: 'assistant', content: '{"template": "technical", "sections": [' });
    expect(second[3].role).toBe('user');
    expect(second[3].content).toContain('the reply is not JSON');
  });

  it('fails with a readable reason when the reply has the wrong shape twice', async () => {
    const wrong = validResume() as unknown as { sections: Record<string, unknown>[] };
    delete wrong.sections[0].heading;
    server.script(completion(JSON.stringify(wrong)), completion(JSON.stringify(wrong)), completion(resumeJson));

    const error = await failure(provider().writeResume(input, ctx));

    expect(error).toMatchObject({
      kind: 'invalid_reply',
      retryable: false,
      reason: 'The model reply did not match the expected shape after a retry: sections[0].heading is required',
      usage: { prompt_tokens: 200, completion_tokens: 100, total_tokens: 300, model: 'gpt-4' },
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].body.messages[3].content).toContain('sections[0].heading is required');
  });

  it('drops response_format for good when the server refuses it', async () => {
    const refusal = apiError(400, "Invalid parameter: 'response_format' of type 'json_object' is not supported with this model.", { param: 'response_format' });
    server.script(refusal, completion(resumeJson), completion(resumeJson));
    const writer = provider();

    await writer.writeResume(input, ctx);
    await writer.writeResume(input, ctx);

    expect(server.requests.map((r) => r.body.response_format ?? null)).toEqual([{ type: 'json_object' }, null, null]);
    expect(sleeps).toEqual([]);
  });

  it('fails at once, not retryable, when the server rejects the request', async () => {
    server.script(apiError(401, 'Incorrect API key provided'), completion(resumeJson));

    const error = await failure(provider().writeResume(input, ctx));

    expect(error).toMatchObject({ kind: 'rejected', retryable: false, reason: 'The writing service refused the configured credentials (401)' });
    expect(server.requests).toHaveLength(1);
  });

  it('stops at once when the caller cancels', async () => {
    server.script(completion(resumeJson, { delay_ms: 5000 }));
    const controller = new AbortController();
    // cancel once the server holds the request (a fixed delay raced the request on a loaded machine)
    const cancelWhenReceived = async () => {
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
    };

    const [error] = await Promise.all([failure(provider().writeResume(input, { generation_id: 'gen-1', signal: controller.signal })), cancelWhenReceived()]);

    expect(error).toMatchObject({ kind: 'cancelled', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  describe('circuit breaker', () => {
    it('opens after 5 consecutive failures: the 6th call sends nothing, and after the recovery time one trial goes through', async () => {
      const writer = provider({ backoff: { attempts: 1 } });
      for (let i = 0; i < 5; i++) server.script(apiError(500, 'down'));
      for (let i = 0; i < 5; i++) expect((await failure(writer.writeResume(input, ctx))).kind).toBe('overloaded');

      const open = await failure(writer.writeResume(input, ctx));
      expect(open).toMatchObject({ kind: 'unavailable', retryable: true, reason: 'The writing service is temporarily unavailable' });
      expect(server.requests).toHaveLength(5);

      clock.advance(59_999);
      expect((await failure(writer.writeResume(input, ctx))).kind).toBe('unavailable');
      expect(server.requests).toHaveLength(5);

      clock.advance(1);
      server.script(completion(resumeJson), completion(resumeJson));
      await expect(writer.writeResume(input, ctx)).resolves.toMatchObject({ content: validResume() });
      expect(server.requests).toHaveLength(6);
      await expect(writer.writeResume(input, ctx)).resolves.toMatchObject({ content: validResume() });
      expect(server.requests).toHaveLength(7);
    });

    it('opens again when the trial fails', async () => {
      const writer = provider({ backoff: { attempts: 1 } });
      for (let i = 0; i < 6; i++) server.script(apiError(502, 'bad gateway'));
      for (let i = 0; i < 5; i++) await failure(writer.writeResume(input, ctx));
      clock.advance(60_000);

      expect((await failure(writer.writeResume(input, ctx))).kind).toBe('overloaded');
      expect((await failure(writer.writeResume(input, ctx))).kind).toBe('unavailable');
      expect(server.requests).toHaveLength(6);
    });

    it('counts every failed attempt, so retries stop when it opens', async () => {
      for (let i = 0; i < 6; i++) server.script(apiError(500, 'down'));
      const writer = provider();

      expect((await failure(writer.writeResume(input, ctx))).kind).toBe('overloaded');
      expect((await failure(writer.writeResume(input, ctx))).kind).toBe('unavailable');
      expect(server.requests).toHaveLength(5);
    });
  });
});

