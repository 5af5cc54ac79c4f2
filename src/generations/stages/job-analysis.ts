import { StageOutput } from '../../../contracts/generations/events';
import { Generation } from '../generation-decider';
import { jobGone, StageDeps } from './deps';

/**
 * job_analysis: the keyword analysis of the job as it was when the generation was asked for.
 * Every later stage uses this one, not the job's current analysis. (A TargetJob always has an
 * analysis: the snapshot analyses a version whose analysis was not recorded yet.)
 */
export async function analyseJob(generation: Generation, deps: StageDeps): Promise<StageOutput> {
  const { job_id, job_version } = generation.request;
  const job = await deps.jobAt(job_id, job_version);
  if (!job) throw jobGone();
  return { analysis: job.analysis };
}
