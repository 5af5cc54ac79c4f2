import { JobSearchPage, JobSearchParams, JobSearchResult, RecommendationList, RecommendationParams, TrendingParams, TrendingReport } from '../../contracts/job-search/http';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { JobSearchQueries } from './job-search-queries';

export interface JobSearchRouteDeps {
  queries: JobSearchQueries;
}

export const JOB_SEARCH_BASE = '/api/v1/job-search';
const tag = 'Job search';

/**
 * Search, recommendations and trending of the Job Search API (API-5, issue 14 item 1). Each is
 * counted against the spec's job-search limit (30 a minute per user, class `jobs.search`, shared
 * with GET /jobs: one budget for searching jobs, whichever route).
 */
export function jobSearchRoutes(deps: JobSearchRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: JOB_SEARCH_BASE,
      rate_limit: 'jobs.search',
      tag,
      summary: 'Search the catalogue and your own active jobs, ranked by fit with your profile (and relevance to q), with facet counts and the reasons for each rank',
      query: JobSearchParams,
      responses: { 200: { description: 'A page of ranked jobs, each with its explanation, and the facet counts', schema: JobSearchPage }, ...errorResponses(400, 401, 429) },
      async handler({ query, user, context }) {
        return { status: 200, body: await deps.queries.search(query, user.id, context.now) };
      },
    }),
    route({
      method: 'get',
      path: `${JOB_SEARCH_BASE}/recommendations`,
      rate_limit: 'jobs.search',
      tag,
      summary: 'Your best-matching active jobs from your profile, leaving out jobs you applied to; highest match first, ties by id',
      query: RecommendationParams,
      responses: { 200: { description: 'Recommended jobs with their explanations', schema: RecommendationList }, ...errorResponses(400, 401, 404, 429) },
      async handler({ query, user, context }) {
        return { status: 200, body: await deps.queries.recommendations(query, user.id, context.now) };
      },
    }),
    route({
      method: 'get',
      path: `${JOB_SEARCH_BASE}/trending`,
      rate_limit: 'jobs.search',
      tag,
      summary: 'Skills and job titles rising in postings: the last 7 or 30 days against the period before, as counts',
      query: TrendingParams,
      responses: { 200: { description: 'Rising skills and titles with their counts', schema: TrendingReport }, ...errorResponses(400, 401, 429) },
      async handler({ query, context }) {
        return { status: 200, body: await deps.queries.trending(query, context.now) };
      },
    }),
    route({
      method: 'get',
      path: `${JOB_SEARCH_BASE}/jobs/:id/match`,
      rate_limit: 'jobs.search',
      tag,
      summary: 'How one job of the catalogue, or of yours, matches your profile',
      params: IdParams,
      responses: { 200: { description: 'The job and its explanation', schema: JobSearchResult }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user, context }) {
        return { status: 200, body: await deps.queries.match(params.id, user.id, context.now) };
      },
    }),
  ];
}
