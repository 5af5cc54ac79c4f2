import { randomUUID } from 'node:crypto';
import { SAVED_SEARCH_LIMIT, SavedSearchListQuery, SavedSearchPage, SavedSearchRequest, SavedSearchesReadModel, SavedSearchView } from '../../../contracts/job-search/saved-searches';
import { acceptedResponse, afterWrite } from '../../http/after-write';
import { errorResponses } from '../../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../../http/route';
import { queryTerms } from '../../keywords';
import { ProjectionWaiter } from '../../read-store/read-your-writes';
import { CommandContext, CommandHandler } from '../../shared/command-handler';
import { DomainError } from '../../shared/errors';
import { savedSearchAggregate } from './saved-search-decider';
import { SavedSearchQueries } from './saved-search-queries';

export interface SavedSearchRouteDeps {
  commands: CommandHandler;
  queries: SavedSearchQueries;
  waiter: ProjectionWaiter;
  /** Deletes the caller's alerts on a saved search (the alerts slice, wired by the composition root). */
  deleteAlertsOf(criteria_id: string, user_id: string, context: CommandContext): Promise<void>;
}

const tag = 'Job search';
export const SAVED_SEARCHES_BASE = '/api/v1/job-search/save-criteria';
const BASE = SAVED_SEARCHES_BASE;

/** Saved searches (issue 14 item 2): the words and filters of a search, kept under a name for alerts. */
export function savedSearchRoutes(deps: SavedSearchRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: BASE,
      tag,
      summary: `Save a search (name, query words, filters of GET /api/v1/job-search) to be alerted on; at most ${SAVED_SEARCH_LIMIT} per user (409 beyond)`,
      body: SavedSearchRequest,
      responses: { 201: { description: 'Saved', schema: SavedSearchView }, ...acceptedResponse, ...errorResponses(400, 401, 409, 422) },
      async handler({ body, user, context }) {
        // Well-formed, but nothing a search could look for (`the`, `0`): understood, nothing to work with.
        if (body.query !== undefined && queryTerms(body.query).length === 0) {
          throw new DomainError('SAVED_SEARCH.QUERY_UNSEARCHABLE', 'The query has no searchable word', [{ path: 'body.query', message: 'must contain at least one searchable word' }]);
        }
        if ((await deps.queries.count(user.id)) >= SAVED_SEARCH_LIMIT) {
          throw new DomainError('SAVED_SEARCH.LIMIT_REACHED', `You have ${SAVED_SEARCH_LIMIT} saved searches already: delete one first`);
        }
        const search_id = randomUUID();
        const request = { type: 'CreateSavedSearch', search_id, user_id: user.id, now: context.now, name: body.name, query: body.query ?? null, filters: body.filters } as const;
        const result = await deps.commands.handle(savedSearchAggregate, request, context);
        return afterWrite({
          waiter: deps.waiter,
          readModel: SavedSearchesReadModel.name,
          written: result,
          location: `${BASE}/${search_id}`,
          respond: async () => ({ status: 201, body: await deps.queries.view(search_id, user.id), headers: { Location: `${BASE}/${search_id}` } }),
        });
      },
    }),
    route({
      method: 'get',
      path: BASE,
      tag,
      summary: 'Your saved searches, newest first',
      query: SavedSearchListQuery,
      responses: { 200: { description: 'A page of your saved searches', schema: SavedSearchPage }, ...errorResponses(400, 401) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      tag,
      summary: 'A saved search of yours',
      params: IdParams,
      responses: { 200: { description: 'The saved search', schema: SavedSearchView }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return { status: 200, body: await deps.queries.view(params.id, user.id) };
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Delete a saved search of yours and its alerts',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        await deps.queries.owned(params.id, user.id);
        // Alerts first: a crash in between leaves a saved search to delete again, never an alert without its search.
        await deps.deleteAlertsOf(params.id, user.id, context);
        const result = await deps.commands.handle(savedSearchAggregate, { type: 'DeleteSavedSearch', search_id: params.id, user_id: user.id, now: context.now }, context);
        return afterWrite({ waiter: deps.waiter, readModel: SavedSearchesReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
  ];
}
