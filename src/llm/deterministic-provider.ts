import { CoverLetterContent, GenerationInput, ResumeContent } from '../../contracts/generations/content';
import { writeCoverLetter, writeResume } from '../writing';
import { ContentProvider, GenerationContext, ProviderError, ProviderResult, TokenUsage } from './port';

/** The deterministic writer spends no tokens. */
const NO_USAGE: TokenUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, model: 'deterministic' };

/**
 * The content writer without a language model: the writing engine, which uses only the profile's
 * own facts. It serves when no OpenAI key is configured, and gives the same output for the same
 * input, so tests and offline runs are repeatable.
 */
export class DeterministicProvider implements ContentProvider {
  readonly name = 'deterministic';

  async writeResume(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<ResumeContent>> {
    return this.write(() => writeResume(input), ctx);
  }

  async writeCoverLetter(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<CoverLetterContent>> {
    return this.write(() => writeCoverLetter(input), ctx);
  }

  private write<T>(writer: () => T, ctx: GenerationContext): ProviderResult<T> {
    if (ctx.signal?.aborted) throw new ProviderError('cancelled', 'The generation was cancelled', false);
    return { content: writer(), usage: { ...NO_USAGE } };
  }
}
