import { DeterministicProvider } from '../../../src/llm/deterministic-provider';
import { ProviderError } from '../../../src/llm/port';
import { writeCoverLetter, writeResume } from '../../../src/writing';
import { generationInput } from './fixtures';

const ctx = { generation_id: '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a20' };
const noTokens = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, model: 'deterministic' };

describe('DeterministicProvider', () => {
  const provider = new DeterministicProvider();

  it('writes the resume with the writing engine and spends no tokens', async () => {
    const input = generationInput();

    const result = await provider.writeResume(input, ctx);

    expect(provider.name).toBe('deterministic');
    expect(result).toEqual({ content: writeResume(input), usage: noTokens });
    expect(result.content.sections.length).toBeGreaterThan(0);
  });

  it('writes the cover letter with the writing engine and spends no tokens', async () => {
    const input = generationInput({ options: { include_cover_letter: true } });

    const result = await provider.writeCoverLetter(input, ctx);

    expect(result).toEqual({ content: writeCoverLetter(input), usage: noTokens });
    expect(result.content.paragraphs.length).toBeGreaterThan(0);
  });

  it('gives the same answer for the same input', async () => {
    const input = generationInput();

    expect(await provider.writeResume(input, ctx)).toEqual(await provider.writeResume(input, ctx));
  });

  it('fails as cancelled, for good, when the signal was aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    const failure = await provider.writeResume(generationInput(), { ...ctx, signal: controller.signal }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ kind: 'cancelled', retryable: false });
  });
});
