import { z } from 'zod';
import { EmploymentType, ExperienceLevel, JobSource, RemotePolicy } from '../jobs/job';
import { list, requiredText } from '../shared/primitives';

/**
 * The filters of the Job Search API (API-5), shared by a live search (`GET /api/v1/job-search`),
 * saved criteria and the alerts raised from them: one definition, so an alert fires for exactly
 * the jobs the saved search would show.
 *
 * `salary_min` is an annual amount: a job matches when the top of its advertised range,
 * annualised (month × 12, hour × 2,080), reaches it; with `salary_currency` the job must be in that
 * currency too. A job that publishes no salary never matches a salary filter.
 * `posted_within_days` counts back from today, today included; a job without a posting date
 * never matches it.
 */
export const JobSearchFilters = z.strictObject({
  location: requiredText(200).optional().describe('Case-insensitive part of the location'),
  remote: RemotePolicy.optional(),
  employment_type: EmploymentType.optional(),
  experience_level: ExperienceLevel.optional(),
  source: JobSource.optional(),
  skills: list(requiredText(100), 20).optional().describe('Skills the job must all mention; aliases match their canonical skill'),
  salary_min: z.number().nonnegative().max(1_000_000_000).optional().describe('Minimum annual pay the top of the range must reach'),
  salary_currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR').optional(),
  posted_within_days: z.number().int().min(1).max(365).optional().describe('Posted today or in the N-1 days before'),
});
export type JobSearchFilters = z.infer<typeof JobSearchFilters>;

/** What a saved search holds: the words to look for and the filters. */
export const SearchCriteria = z.strictObject({
  query: requiredText(200).optional().describe('Full-text words, as `q` of the search'),
  filters: JobSearchFilters.default({}),
});
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/** Hours a salary period stands for in a year, to compare ranges quoted per hour, month or year. */
export const ANNUAL_FACTOR = { year: 1, month: 12, hour: 2080 } as const;
