import { GenerationInput } from '../../contracts/generations/content';
import { GenerationValidation } from '../../contracts/generations/http';
import { GenerationDocument } from '../../contracts/generations/read-model';
import { scoreCoverLetter, scoreResume } from '../scoring';
import { DomainError } from '../shared/errors';
import { checkFabrication } from '../writing';
import { profileOf, targetJob } from './generation-requests';
import { GenerationRouteDeps } from './generation-route-deps';

/**
 * The stored content scored again against the stored analysis (with the stored parse-back: the
 * content it read back is the same), and checked against the profile at the version it was
 * written from.
 */
export async function validate(deps: GenerationRouteDeps, doc: GenerationDocument, user_id: string): Promise<GenerationValidation> {
  const current = await deps.queries.profile(doc.profile_id, user_id).catch(() => null);
  const profile = current?.version === doc.profile_version ? profileOf(current) : await deps.profileAt(doc.profile_id, doc.profile_version);
  if (!profile) throw new DomainError('PROFILE.NOT_FOUND', `Version ${doc.profile_version} of the profile this generation was written from cannot be read`);
  const job = await deps.queries.job(doc.job_id, user_id);
  const input: GenerationInput = { profile, job: targetJob(job, doc.result.analysis ?? job.analysis), options: doc.options, feedback: doc.feedback };
  const { resume = null, cover_letter = null } = doc.result;
  return {
    generation_id: doc.id,
    profile_version: doc.profile_version,
    quality: {
      resume_quality: resume ? scoreResume(resume, input.job.analysis, doc.result.parse_back?.resume ?? null) : null,
      cover_letter_quality: cover_letter ? scoreCoverLetter(cover_letter, input.job.analysis) : null,
    },
    violations: [...(resume ? checkFabrication(resume, input) : []), ...(cover_letter ? checkFabrication(cover_letter, input) : [])],
  };
}
