import { randomUUID } from 'node:crypto';
import { AlertFrequency } from '../../../contracts/job-search/alerts-events';
import { JOB_ALERT_LIMIT, JobAlertListQuery, JobAlertPage, JobAlertRequest, JobAlertsReadModel, JobAlertView } from '../../../contracts/job-search/alerts';
import { acceptedResponse, afterWrite, WriteOutcome } from '../../http/after-write';
import { errorResponses } from '../../http/openapi-responses';
import { HttpResult, IdParams, route, RouteSpec } from '../../http/route';
import { ProjectionWaiter } from '../../read-store/read-your-writes';
import { CommandContext, CommandHandler } from '../../shared/command-handler';
import { DomainError } from '../../shared/errors';
import { jobAlertAggregate } from './alert-decider';
import { AlertQueries } from './alert-queries';

export interface AlertRouteDeps {
  commands: CommandHandler;
  queries: AlertQueries;
  waiter: ProjectionWaiter;
  /** Throws SAVED_SEARCH.NOT_FOUND unless the saved search is the caller's (the saved-search slice, wired by the composition root). */
  criteriaOwned(criteria_id: string, user_id: string): Promise<void>;
  /** The frequency of an alert created without one: the user's notification preferences' digest. */
  defaultFrequency(user_id: string): Promise<AlertFrequency>;
}

const tag = 'Job search';
const BASE = '/api/v1/job-search/alerts';

/** Deletes every alert of the user on one saved search (deleting the saved search does it). */
export async function deleteAlertsOf(deps: { commands: CommandHandler; queries: AlertQueries }, criteria_id: string, user_id: string, context: CommandContext): Promise<void> {
  for (const alert of await deps.queries.ofCriteria(criteria_id, user_id)) {
    try {
      await deps.commands.handle(jobAlertAggregate, { type: 'DeleteJobAlert', alert_id: alert.id, user_id, now: context.now }, context);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'JOB_ALERT.NOT_FOUND')) throw error; // deleted meanwhile
    }
  }
}

/** Job alerts (issue 14 item 2): be told of new jobs matching a saved search, at once or in a daily or weekly digest. */
export function alertRoutes(deps: AlertRouteDeps): RouteSpec[] {
  const written = (alert_id: string, user_id: string, outcome: WriteOutcome, status = 200): Promise<HttpResult> =>
    afterWrite({
      waiter: deps.waiter,
      readModel: JobAlertsReadModel.name,
      written: outcome,
      location: `${BASE}/${alert_id}`,
      respond: async () => ({ status, body: await deps.queries.view(alert_id, user_id), headers: { Location: `${BASE}/${alert_id}` } }),
    });
  const change = (action: 'pause' | 'resume', summary: string) =>
    route({
      method: 'post',
      path: `${BASE}/:id/${action}`,
      tag,
      summary,
      params: IdParams,
      responses: { 200: { description: 'The alert', schema: JobAlertView }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const type = action === 'pause' ? 'PauseJobAlert' : 'ResumeJobAlert';
        const result = await deps.commands.handle(jobAlertAggregate, { type, alert_id: params.id, user_id: user.id, now: context.now }, context);
        return written(params.id, user.id, result);
      },
    });
  return [
    route({
      method: 'post',
      path: BASE,
      tag,
      summary: `Be alerted of new jobs matching a saved search of yours: instant, daily or weekly digest (default: your preferences' digest); one alert per saved search (409 for a second), at most ${JOB_ALERT_LIMIT}`,
      body: JobAlertRequest,
      responses: { 201: { description: 'Created', schema: JobAlertView }, ...acceptedResponse, ...errorResponses(400, 401, 404, 409) },
      async handler({ body, user, context }) {
        await deps.criteriaOwned(body.criteria_id, user.id);
        if ((await deps.queries.ofCriteria(body.criteria_id, user.id)).length > 0) {
          throw new DomainError('JOB_ALERT.ALREADY_EXISTS', 'The saved search has an alert already: pause, resume or delete it');
        }
        if ((await deps.queries.count(user.id)) >= JOB_ALERT_LIMIT) throw new DomainError('JOB_ALERT.LIMIT_REACHED', `You have ${JOB_ALERT_LIMIT} alerts already: delete one first`);
        const alert_id = randomUUID();
        const frequency = body.frequency ?? (await deps.defaultFrequency(user.id));
        const request = { type: 'CreateJobAlert', alert_id, user_id: user.id, now: context.now, criteria_id: body.criteria_id, frequency } as const;
        return written(alert_id, user.id, await deps.commands.handle(jobAlertAggregate, request, context), 201);
      },
    }),
    route({
      method: 'get',
      path: BASE,
      tag,
      summary: 'Your job alerts, newest first, optionally those of one saved search',
      query: JobAlertListQuery,
      responses: { 200: { description: 'A page of your alerts', schema: JobAlertPage }, ...errorResponses(400, 401) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      tag,
      summary: 'A job alert of yours',
      params: IdParams,
      responses: { 200: { description: 'The alert', schema: JobAlertView }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return { status: 200, body: await deps.queries.view(params.id, user.id) };
      },
    }),
    change('pause', 'Pause a job alert of yours: jobs that become active while it is paused are not alerted later'),
    change('resume', 'Resume a paused job alert of yours'),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Delete a job alert of yours (its saved search stays)',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const result = await deps.commands.handle(jobAlertAggregate, { type: 'DeleteJobAlert', alert_id: params.id, user_id: user.id, now: context.now }, context);
        return afterWrite({ waiter: deps.waiter, readModel: JobAlertsReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
  ];
}
