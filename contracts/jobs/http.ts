import { z } from 'zod';
import { charCount, chars, NOT_BLANK, requiredText } from '../shared/primitives';
import { PageQuery } from '../shared/read-model';
import { EmploymentType, ExperienceLevel, JobContentInput, JobSource, JobStatus, RemotePolicy } from './job';

/** Bodies and query strings accepted by the Job Description API (`/api/v1/jobs`). */

/** POST /jobs: a new job of your own, a draft unless `status` says `active`. */
export const JobCreateRequest = JobContentInput.safeExtend({ status: z.enum(['draft', 'active']).default('draft') });
export type JobCreateRequest = z.output<typeof JobCreateRequest>;

/** PUT /jobs/{id}: replaces the whole content; status changes go through PUT /jobs/{id}/status. */
export const JobUpdateRequest = JobContentInput;
export type JobUpdateRequest = z.output<typeof JobUpdateRequest>;

export const JobStatusRequest = z.strictObject({ status: JobStatus });
export type JobStatusRequest = z.infer<typeof JobStatusRequest>;

const MAX_SKILLS = 20;
const MAX_SKILL_LENGTH = 100;

/**
 * The rule below as one pattern, for the OpenAPI document: comma-separated, blank items ignored,
 * 1 to 20 items that are each at most 100 characters once trimmed.
 */
const SKILL_LIST = (() => {
  const ws = NOT_BLANK.source.slice(2, -1); // the characters trim() removes
  const blank = `[${ws}]*`;
  const skill = `[${ws}]*[^,${ws}](?:[^,]{0,${MAX_SKILL_LENGTH - 2}}[^,${ws}])?[${ws}]*`;
  return new RegExp(`^(?:${blank},)*${skill}(?:,(?:${blank},)*${skill}){0,${MAX_SKILLS - 1}}(?:,${blank})*$`);
})();

/** `skills=react,postgres` → ['react', 'postgres']. Also the `skills` parameter of GET /api/v1/job-search. */
export const SkillList = chars(1000, 0, { pattern: SKILL_LIST.source })
  .describe('Comma-separated skills the job must all mention; aliases match their canonical skill (react.js = React)')
  .transform((value) => value.split(',').map((skill) => skill.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().refine((skill) => charCount(skill) <= MAX_SKILL_LENGTH, `each skill must be at most ${MAX_SKILL_LENGTH} characters`))
      .min(1, 'must name at least one skill')
      .max(MAX_SKILLS),
  );

const filters = {
  q: requiredText(200).optional().describe('Full-text search; results are ordered by relevance'),
  location: requiredText(200).optional().describe('Case-insensitive part of the location'),
  remote: RemotePolicy.optional(),
  source: JobSource.optional(),
  status: JobStatus.optional(),
  experience_level: ExperienceLevel.optional(),
  employment_type: EmploymentType.optional(),
  skills: SkillList.optional(),
};

/**
 * GET /jobs and GET /jobs/my-jobs. Unknown parameters are rejected so a typo (`?remtoe=`) is a
 * 400 rather than a silently unfiltered list. GET /jobs shows active jobs unless `status` is set;
 * my-jobs shows every status unless it is set.
 */
export const JobSearchQuery = z.strictObject({ ...PageQuery.shape, ...filters });
export type JobSearchQuery = z.output<typeof JobSearchQuery>;
