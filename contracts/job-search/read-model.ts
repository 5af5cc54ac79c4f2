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
 * - `salary_annual_max`: the top of the range per year (`annualSalaryMax`), null without a salary;
 * - for trending: `trend_day`, the day it was posted (`posted_date`, else the day it was created),
 *   `trend_title`, its normalised title, and `counted`, whether it counts at all: only published
 *   jobs everyone sees (user_id null, made active at least once), never a user's private job.
 *
 * One projection computes both (search and trends), so a job's skills are extracted once per change.
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
  trend_day: IsoDate,
  trend_title: z.string(),
  counted: z.boolean(),
});
export type JobSearchDocument = z.infer<typeof JobSearchDocument>;
export const JobSearchReadModel = defineReadModel('job_search_v1', JobSearchDocument);
