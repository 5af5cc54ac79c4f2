import { CoverLetterContent, GenerationInput, ResumeContent, TargetJob } from '../../../../contracts/generations/content';
import { ProfileView } from '../../../../contracts/profiles/read-model';
import { evolve, Generation } from '../../../../src/generations/generation-decider';
import { StageDeps } from '../../../../src/generations/stages';
import { DeterministicProvider } from '../../../../src/llm/deterministic-provider';
import { ContentProvider, GenerationContext, ProviderResult } from '../../../../src/llm/port';
import { backendJob, backendProfile, defaultOptions } from '../../writing/fixtures';

export const GENERATION_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

/** A generation just requested for the backend profile (version 7) and job (version 3). */
export function requested(overrides: Partial<Generation['request']> = {}): Generation {
  const profile = backendProfile();
  const state = evolve(
    { status: 'none' },
    {
      type: 'GenerationRequested',
      data: {
        generation_id: GENERATION_ID,
        user_id: profile.user_id,
        kind: 'resume',
        profile_id: profile.id,
        profile_version: profile.version,
        job_id: backendJob().id,
        job_version: 3,
        options: defaultOptions({ include_cover_letter: false }),
        parent_id: null,
        feedback: null,
        estimated_tokens: 2000,
        ...overrides,
      },
    },
  );
  if (state.status !== 'pending') throw new Error('GenerationRequested did not start a generation');
  return state;
}

export const withOutput = (generation: Generation, output: Generation['output']): Generation => ({ ...generation, output: { ...generation.output, ...output } });

/** In-memory snapshots: each profile and job version the test knows, looked up by (id, version). */
export function memoryDeps(
  options: { profiles?: ProfileView[]; jobs?: { version: number; job: TargetJob }[]; provider?: ContentProvider } = {},
): StageDeps {
  const profiles = options.profiles ?? [backendProfile()];
  const jobs = options.jobs ?? [{ version: 3, job: backendJob() }];
  return {
    profileAt: async (id, version) => profiles.find((p) => p.id === id && p.version === version) ?? null,
    jobAt: async (id, version) => jobs.find((j) => j.job.id === id && j.version === version)?.job ?? null,
    provider: options.provider ?? new DeterministicProvider(),
  };
}

/** A writer that calls the deterministic one and changes its answer, as an LLM might. */
export function rewritingProvider(
  name: string,
  change: { resume?: (r: ResumeContent) => ResumeContent; letter?: (c: CoverLetterContent) => CoverLetterContent },
  usage = { prompt_tokens: 1200, completion_tokens: 300 },
): ContentProvider {
  const inner = new DeterministicProvider();
  const tokens = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens, model: 'test-model' };
  return {
    name,
    async writeResume(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<ResumeContent>> {
      const { content } = await inner.writeResume(input, ctx);
      return { content: (change.resume ?? ((r) => r))(content), usage: tokens };
    },
    async writeCoverLetter(input: GenerationInput, ctx: GenerationContext): Promise<ProviderResult<CoverLetterContent>> {
      const { content } = await inner.writeCoverLetter(input, ctx);
      return { content: (change.letter ?? ((c) => c))(content), usage: tokens };
    },
  };
}

/** Every line of text in a resume or cover letter, titles and meta included. */
export function allText(content: ResumeContent | CoverLetterContent | null | undefined): string {
  if (!content) return '';
  if ('sections' in content) {
    return content.sections
      .flatMap((s) => s.items.flatMap((i) => [i.title?.text ?? '', i.meta?.text ?? '', ...i.lines.map((l) => l.text)]))
      .join('\n');
  }
  return content.paragraphs.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
}
