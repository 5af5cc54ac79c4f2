import { JobCreateRequest, JobSearchQuery, JobStatusRequest, JobUpdateRequest } from '../../contracts/jobs/http';
import { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { JobPage, JobView } from '../../contracts/jobs/read-model';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { randomUUID } from 'node:crypto';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { analyzeJob } from '../keywords';
import { jobAggregate } from './job-aggregate';
import { etag, ifMatchVersion } from '../http/etag';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { todayOf } from './expiry';
import { JOBS_BASE as BASE, JobRouteDeps, viewResult, written } from './job-route-deps';
import { toolRoutes } from './job-tool-routes';

const tag = 'Jobs';

/**
 * The Job Description API. Literal paths (`/my-jobs`, `/template`, …) are declared before
 * `/:id`, so express never takes them for ids.
 */
export function jobRoutes(deps: JobRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: BASE,
      rate_limit: 'jobs.search',
      tag,
      summary: 'Search the static catalogue and your own jobs (active ones unless `status` is given)',
      query: JobSearchQuery,
      responses: { 200: { description: 'A page of jobs', schema: JobPage }, ...errorResponses(400, 401, 429) },
      async handler({ query, user, context }) {
        return { status: 200, body: await deps.queries.search(query, { user_id: user.id, mine: false }, todayOf(context.now)) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/my-jobs`,
      rate_limit: 'jobs.search',
      tag,
      summary: 'Your own jobs, in every status unless `status` is given',
      query: JobSearchQuery,
      responses: { 200: { description: 'A page of your jobs', schema: JobPage }, ...errorResponses(400, 401, 429) },
      async handler({ query, user, context }) {
        return { status: 200, body: await deps.queries.search(query, { user_id: user.id, mine: true }, todayOf(context.now)) };
      },
    }),
    ...toolRoutes(deps),
    route({
      method: 'post',
      path: BASE,
      tag,
      summary: 'Create a job of your own (a draft unless `status` is active); it is analysed at once',
      body: JobCreateRequest,
      responses: { 201: { description: 'Created', schema: JobView }, ...acceptedResponse, ...errorResponses(400, 401, 409) },
      async handler({ body, user, context }) {
        const { status, ...content } = body;
        const job_id = randomUUID();
        const request = { type: 'CreateJob', job_id, actor: user.id, now: context.now, source: 'user_created', status, content } as const;
        const result = await deps.commands.handle(jobAggregate, request, context);
        return written(deps, job_id, user.id, result, context.now, (view) => viewResult(201, view));
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      rate_limit: 'jobs.details',
      tag,
      summary: 'A job of the catalogue, or one of yours',
      params: IdParams,
      responses: { 200: { description: 'The job', schema: JobView }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user, context }) {
        return viewResult(200, await deps.queries.visible(params.id, user.id, todayOf(context.now)));
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id`,
      tag,
      summary: 'Replace the content of your job (honours If-Match); it is re-analysed',
      params: IdParams,
      body: JobUpdateRequest,
      responses: { 200: { description: 'Updated', schema: JobView }, ...acceptedResponse, ...errorResponses(400, 401, 403, 404, 412) },
      async handler({ params, body, user, context, header }) {
        const request = { type: 'UpdateJob', job_id: params.id, actor: user.id, now: context.now, content: body } as const;
        const result = await deps.commands.handle(jobAggregate, request, context, { expected_version: ifMatchVersion(header('if-match')) });
        return written(deps, params.id, user.id, result, context.now);
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Delete your job (honours If-Match)',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, ...acceptedResponse, ...errorResponses(400, 401, 403, 404, 412) },
      async handler({ params, user, context, header }) {
        const request = { type: 'DeleteJob', job_id: params.id, actor: user.id, now: context.now } as const;
        const result = await deps.commands.handle(jobAggregate, request, context, { expected_version: ifMatchVersion(header('if-match')) });
        return afterWrite({ waiter: deps.waiter, readModel: JobsReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id/status`,
      tag,
      summary: 'Change the status of your job: draft→active|archived, active→archived, archived→active, expired→archived',
      params: IdParams,
      body: JobStatusRequest,
      responses: { 200: { description: 'The job with its new status', schema: JobView }, ...acceptedResponse, ...errorResponses(400, 401, 403, 404, 409, 412) },
      async handler({ params, body, user, context, header }) {
        const request = { type: 'ChangeJobStatus', job_id: params.id, actor: user.id, now: context.now, status: body.status } as const;
        const result = await deps.commands.handle(jobAggregate, request, context, { expected_version: ifMatchVersion(header('if-match')) });
        return written(deps, params.id, user.id, result, context.now);
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/analyze`,
      tag,
      summary: "Extract the job's keywords and requirements (static jobs: the analysis made when the catalogue was loaded)",
      params: IdParams,
      responses: { 200: { description: 'The keyword analysis now on the job', schema: KeywordAnalysis }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const request = { type: 'AnalyzeJob', job_id: params.id, actor: user.id, now: context.now } as const;
        const result = await deps.commands.handle(jobAggregate, request, context);
        return written(deps, params.id, user.id, result, context.now, (view) => ({
          status: 200,
          body: view.analysis ?? analyzeJob(view),
          headers: { ETag: etag(view.version) },
        }));
      },
    }),
  ];
}
