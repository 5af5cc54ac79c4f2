import { z } from 'zod';
import { IsoDate, EmploymentType, ExperienceLevel, JobSource, JobStatus, RemotePolicy, SalaryRange } from '../jobs/job';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';

const Name = z.string().min(1).max(200);

/**
 * What one search result shows of its job: enough to list it; GET /api/v1/jobs/{id} has the rest.
 * `skills` are the canonical skills the posting mentions (what the `skills` filter matches).
 */
export const JobSearchJob = z.object({
  id: Uuid,
  source: JobSource,
  user_id: Uuid.nullable(),
  title: Name,
  company: Name,
  location: Name.nullable(),
  remote: RemotePolicy.nullable(),
  employment_type: EmploymentType.nullable(),
  experience_level: ExperienceLevel.nullable(),
  salary_range: SalaryRange.nullable(),
  posted_date: IsoDate.nullable(),
  expires_date: IsoDate.nullable(),
  status: JobStatus,
  skills: z.array(z.string()),
  created_at: IsoTimestamp,
});
export type JobSearchJob = z.infer<typeof JobSearchJob>;

/**
 * The `job_search_v1` read-model document: a compact copy of each job with its ranking features
 * computed once, when the job changes (see projections/job-search.ts), so a search never
 * analyses a posting or copies its description.
 *
 * - `required_skills` / `preferred_skills`: the keyword analysis's split (before an analysis
 *   arrives: every mentioned skill counts as required);
 * - `title_terms`: the title's normalised search terms without seniority words;
 * - `level`: seniority on a 0 (intern) … 6 (executive) scale, from `experience_level`, else the
 *   analysis; null when neither says;
 * - `salary_annual_max`: the top of the range per year (`annualSalaryMax`), null without a salary.
 */
export const JobSearchDocument = JobSearchJob.extend({
  ...ProjectedFields,
  required_skills: z.array(z.string()),
  preferred_skills: z.array(z.string()),
  title_terms: z.array(z.string()),
  level: z.number().int().min(0).max(6).nullable(),
  salary_annual_max: z.number().nullable(),
  /** The content these features were computed from: an analysis of other content is not applied. */
  content_hash: z.string(),
});
export type JobSearchDocument = z.infer<typeof JobSearchDocument>;
export const JobSearchReadModel = defineReadModel('job_search_v1', JobSearchDocument);

/**
 * The `job_trends_v1` read-model document: one per job, saying on which day it was posted and
 * what it asks for, so trending counts postings per day per skill and per normalised title.
 * Only jobs everyone sees (user_id null) that were published (not drafts) are `counted`: a
 * user's private job never shows in anyone's trends.
 */
export const JobTrendDocument = z.object({
  ...ProjectedFields,
  id: Uuid,
  user_id: Uuid.nullable(),
  counted: z.boolean(),
  day: IsoDate,
  title: z.string(),
  skills: z.array(z.string()),
});
export type JobTrendDocument = z.infer<typeof JobTrendDocument>;
export const JobTrendsReadModel = defineReadModel('job_trends_v1', JobTrendDocument);
