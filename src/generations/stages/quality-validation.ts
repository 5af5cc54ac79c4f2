import { StageOutput } from '../../../contracts/generations/events';
import { scoreCoverLetter, scoreResume } from '../../scoring';
import { Generation } from '../generation-decider';
import { StageFailure } from './deps';

/** quality_validation: the ATS quality report of each written document against the job's analysis. */
export function validateQuality(generation: Generation): StageOutput {
  const { analysis, resume, cover_letter } = generation.output;
  if (!analysis) throw new StageFailure('The job analysis is missing', false);
  return {
    resume_quality: resume ? scoreResume(resume, analysis) : null,
    cover_letter_quality: cover_letter ? scoreCoverLetter(cover_letter, analysis) : null,
  };
}
