import { CoverLetterContent, GenerationInput, ResumeContent } from '../../../contracts/generations/content';
import { StageOutput } from '../../../contracts/generations/events';
import { GenerationContext, ProviderError, ProviderResult, TokenUsage } from '../../llm/port';
import { checkFabrication, repair } from '../../writing';
import { Generation } from '../generation-decider';
import { jobGone, profileGone, StageDeps, StageFailure } from './deps';

type Repaired = NonNullable<StageOutput['repaired']>;

/**
 * content_generation: the provider writes the resume (unless only a cover letter was asked for)
 * and the cover letter (when asked for), from the profile and job at the requested versions.
 * Whatever wrote it, each document goes through the fabrication checker and loses every line
 * the profile does not support before it is recorded; the output says what was removed (kind
 * and place, never the text).
 */
export async function generateContent(generation: Generation, deps: StageDeps, signal?: AbortSignal): Promise<StageOutput> {
  const input = await generationInput(generation, deps);
  const ctx: GenerationContext = { generation_id: generation.generation_id, signal };
  const { kind, options } = generation.request;
  const usages: TokenUsage[] = [];
  const repaired: Repaired = [];

  const write = async <T extends ResumeContent | CoverLetterContent>(call: () => Promise<ProviderResult<T>>): Promise<T> => {
    const { content, usage } = await call().catch((error: unknown) => {
      if (error instanceof ProviderError) throw new StageFailure(error.reason, error.retryable);
      throw error;
    });
    usages.push(usage);
    const violations = checkFabrication(content, input);
    repaired.push(...violations.map((v) => ({ kind: v.kind, path: v.path })));
    return repair(content, violations, input);
  };

  const resume = kind === 'cover_letter' ? null : await write(() => deps.provider.writeResume(input, ctx));
  const wantsLetter = kind === 'cover_letter' || options.include_cover_letter;
  const cover_letter = wantsLetter ? await write(() => deps.provider.writeCoverLetter(input, ctx)) : null;

  return {
    resume,
    cover_letter,
    provider: deps.provider.name,
    tokens: {
      prompt: usages.reduce((sum, u) => sum + u.prompt_tokens, 0),
      completion: usages.reduce((sum, u) => sum + u.completion_tokens, 0),
    },
    repaired,
  };
}

/** The writer's input: profile and job as they were asked for, with the analysis job_analysis recorded. */
async function generationInput(generation: Generation, deps: StageDeps): Promise<GenerationInput> {
  const { profile_id, profile_version, job_id, job_version, options, feedback } = generation.request;
  const [profile, job] = await Promise.all([deps.profileAt(profile_id, profile_version), deps.jobAt(job_id, job_version)]);
  if (!job) throw jobGone();
  if (!profile) throw profileGone();
  return { profile, job: { ...job, analysis: generation.output.analysis ?? job.analysis }, options, feedback };
}
