import { z } from 'zod';
import { EmploymentType, ExperienceLevel, IsoDate, JobSource, RemotePolicy } from '../jobs/job';
import { SkillList } from '../jobs/http';
import { requiredText } from '../shared/primitives';
import { page, PageQuery } from '../shared/read-model';
import { JobSearchJob } from './read-model';

/** Query strings and bodies of the Job Search API (`/api/v1/job-search`, API-5): search, recommendations, trending. */

/** A number in a query string, in decimal or exponent notation ('85000', '8.5e4'); '', ' 5' and '0x10' stay text and are refused by name. */
const queryNumber = <T extends z.ZodNumber>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && /^-?(?:[0-9]{1,15}(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?$/.test(value) ? Number(value) : value), schema);

/**
 * GET /api/v1/job-search: `q` and the filters of `JobSearchFilters` (contracts/job-search/filters.ts)
 * in query-string form. Unknown parameters are refused (a typo is a 400, not an unfiltered list);
 * numbers are parsed from their decimal text and every bad field is named.
 */
export const JobSearchParams = z.strictObject({
  ...PageQuery.shape,
  q: requiredText(200).optional().describe('Full-text words; matches are ranked by relevance (blended with your profile when you have one)'),
  location: requiredText(200).optional().describe('Case-insensitive part of the location'),
  remote: RemotePolicy.optional(),
  employment_type: EmploymentType.optional(),
  experience_level: ExperienceLevel.optional(),
  source: JobSource.optional(),
  skills: SkillList.optional(),
  salary_min: queryNumber(z.number({ error: 'must be a number' }).nonnegative().max(1_000_000_000))
    .optional()
    .describe('Minimum annual pay the top of the advertised range must reach (month × 12, hour × 2,080)'),
  salary_currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR').optional(),
  posted_within_days: queryNumber(z.number({ error: 'must be an integer' }).int('must be an integer').min(1).max(365))
    .optional()
    .describe('Posted today or in the N-1 days before'),
});
export type JobSearchParams = z.output<typeof JobSearchParams>;

export const MatchPartName = z.enum(['skills', 'title', 'seniority']);

/** One part of the match score: its weight, how well the job does on it (0–1, null when it cannot be judged) and the points it adds. */
export const MatchPart = z.object({
  name: MatchPartName,
  weight: z.number().min(0).max(1),
  value: z.number().min(0).max(1).nullable(),
  /** 100 × weight × value over the weights of the parts that could be judged; the points add up to `match_score` (± rounding). */
  points: z.number().min(0).max(100),
  detail: z.string(),
});
export type MatchPart = z.infer<typeof MatchPart>;

/** How a job matches the caller's profile (see src/job-search/profile-match.ts). Without a profile: no score, no parts. */
export const MatchExplanation = z.object({
  profile_used: z.boolean(),
  match_score: z.number().int().min(0).max(100).nullable(),
  parts: z.array(MatchPart),
  /** The job's skills (required, then preferred) that the profile has. */
  matched_skills: z.array(z.string()),
  /** Required skills of the job the profile lacks. */
  missing_skills: z.array(z.string()),
  /** Preferred ("nice to have") skills of the job the profile lacks. */
  missing_preferred_skills: z.array(z.string()),
});
export type MatchExplanation = z.infer<typeof MatchExplanation>;

/**
 * How a result list is ordered: `profile` (match score), `profile_and_relevance` (with `q` and a
 * profile: the mean of the relevance points and the match score), `relevance` (with `q`, no
 * profile), `newest` (no `q`, no profile: newest postings first). Ties are ordered by job id.
 */
export const RankedBy = z.enum(['profile', 'profile_and_relevance', 'relevance', 'newest']);
export type RankedBy = z.infer<typeof RankedBy>;

export const ResultExplanation = MatchExplanation.extend({
  ranked_by: RankedBy,
  /** What the order is by, 0–100: the match score, the relevance points (100 × (1 − (rank − 1) / matches)) or their mean; null for `newest`. */
  rank_score: z.number().min(0).max(100).nullable(),
  /** Position among the text matches of `q` (1 = most relevant), null without `q`. */
  relevance_rank: z.number().int().min(1).nullable(),
  /** The reasons in one sentence. */
  summary: z.string(),
});
export type ResultExplanation = z.infer<typeof ResultExplanation>;

export const JobSearchResult = z.object({ job: JobSearchJob, explanation: ResultExplanation });
export type JobSearchResult = z.infer<typeof JobSearchResult>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int().min(0) });
export type FacetCount = z.infer<typeof FacetCount>;

/**
 * Counts per value of each filter, with standard facet semantics: a facet counts the jobs that
 * match `q` and every *other* filter (its own filter left out), so choosing a value never hides
 * the alternatives. Enum facets list every value (zeros included); `location` and `skills` the
 * 20 most frequent; `salary_min` and `posted_within_days` count the jobs each threshold would keep.
 */
export const JobSearchFacets = z.object({
  remote: z.array(FacetCount),
  employment_type: z.array(FacetCount),
  experience_level: z.array(FacetCount),
  source: z.array(FacetCount),
  location: z.array(FacetCount),
  skills: z.array(FacetCount),
  salary_min: z.array(FacetCount),
  posted_within_days: z.array(FacetCount),
});
export type JobSearchFacets = z.infer<typeof JobSearchFacets>;

export const JobSearchPage = page(JobSearchResult).extend({ ranked_by: RankedBy, profile_used: z.boolean(), facets: JobSearchFacets });
export type JobSearchPage = z.infer<typeof JobSearchPage>;

/* ---- GET /api/v1/job-search/recommendations ---- */

export const RecommendationParams = z.strictObject({
  limit: z
    .preprocess((value) => (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value), z.number({ error: 'must be an integer' }).int('must be an integer').min(1).max(50).meta({ default: 10 }))
    .default(10),
});
export type RecommendationParams = z.output<typeof RecommendationParams>;

export const Recommendation = z.object({ job: JobSearchJob, explanation: MatchExplanation });
export const RecommendationList = z.object({
  items: z.array(Recommendation),
  /** Jobs left out because you applied to them (an application at applied or beyond). */
  excluded_applied: z.number().int().min(0),
});
export type RecommendationList = z.infer<typeof RecommendationList>;

/* ---- GET /api/v1/job-search/trending ---- */

export const TrendingParams = z.strictObject({
  window: z.enum(['7', '30']).default('7').describe('Days in each window: the last N days (today included) against the N days before'),
  limit: z
    .preprocess((value) => (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value), z.number({ error: 'must be an integer' }).int('must be an integer').min(1).max(100).meta({ default: 20 }))
    .default(20),
});
export type TrendingParams = z.output<typeof TrendingParams>;

export const Trend = z.object({
  name: z.string(),
  /** Postings naming it in the current window. */
  current: z.number().int().min(0),
  /** Postings naming it in the window before. */
  previous: z.number().int().min(0),
  change: z.number().int(),
  /** change / previous; null when previous is 0. */
  change_ratio: z.number().nullable(),
});
export type Trend = z.infer<typeof Trend>;

const Period = z.object({ from: IsoDate, to: IsoDate });

/** Rising skills and normalised job titles (current > previous), most risen first, then by current count and name. */
export const TrendingReport = z.object({
  window_days: z.number().int(),
  current: Period,
  previous: Period,
  postings: z.object({ current: z.number().int().min(0), previous: z.number().int().min(0) }),
  skills: z.array(Trend),
  titles: z.array(Trend),
});
export type TrendingReport = z.infer<typeof TrendingReport>;
