import { JobSourceList, JobSourceParams, SyncResult } from '../../contracts/job-sources/http';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { JobSources } from './job-sources';

const tag = 'Job sources';
const BASE = '/api/v1/job-search/sources';

/** Job boards as a source of jobs (issue 14 item 5): admins list the configured boards and sync one now. */
export function jobSourceRoutes(sources: Pick<JobSources, 'list' | 'sync'>): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: BASE,
      role: 'admin',
      tag,
      summary: 'The configured job boards (JOB_SOURCES) with what their last sync did (or how it failed) and their breaker in this process',
      responses: { 200: { description: 'The job sources', schema: JobSourceList }, ...errorResponses(401, 403) },
      async handler() {
        return { status: 200, body: { items: await sources.list() } };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/sync`,
      role: 'admin',
      tag,
      summary: 'Reads the board now: new postings become jobs (source `api`), changed ones are updated, jobs whose posting left the board are archived',
      params: JobSourceParams,
      responses: {
        200: { description: 'What the sync did', schema: SyncResult },
        ...errorResponses(400, 401, 403, 404),
        503: { ...errorResponses(503)[503], description: 'The board could not be read (after retries, or its breaker is open); `Retry-After` says when to try again' },
      },
      async handler({ params }) {
        return { status: 200, body: await sources.sync(params.id) };
      },
    }),
  ];
}
