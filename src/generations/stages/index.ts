import { Stage, StageOutput } from '../../../contracts/generations/events';
import { assertNever } from '../../shared/decider';
import { Generation } from '../generation-decider';
import { generateContent } from './content-generation';
import { StageDeps, StageFailure } from './deps';
import { prepareExport } from './export-preparation';
import { analyseJob } from './job-analysis';
import { compileProfile } from './profile-compilation';
import { validateQuality } from './quality-validation';

export { StageFailure } from './deps';
export type { StageDeps } from './deps';

/**
 * The work of one stage of a generation: reads through `deps` only, and answers the stage's
 * output or throws a StageFailure the process manager records. Another exception is a bug.
 */
export async function runStage(stage: Stage, generation: Generation, deps: StageDeps, signal?: AbortSignal): Promise<StageOutput> {
  if (signal?.aborted) throw new StageFailure('The generation was cancelled', false);
  switch (stage) {
    case 'job_analysis':
      return analyseJob(generation, deps);
    case 'profile_compilation':
      return compileProfile(generation, deps);
    case 'content_generation':
      return generateContent(generation, deps, signal);
    case 'quality_validation':
      return validateQuality(generation);
    case 'export_preparation':
      return prepareExport(generation);
    default:
      return assertNever(stage);
  }
}
