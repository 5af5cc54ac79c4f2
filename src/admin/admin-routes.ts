import { AdminStatusQuery, RebuildParams, RebuildRequest, RebuildStatus, ReplayParams, ReplayRequest, ReplayStatus, ProjectionList, ProjectionStatus, AuditPage, AuditQuery, DiffQuery, EntityDiff, EntityParams, EntityState, StateQuery, StreamEventsPage, StreamEventsQuery, StreamParams } from '../../contracts/admin/http';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { AdminHistory } from './admin-history';
import { Replays, replayTarget } from './replays';
import { ProjectionRebuildsPort } from './projection-rebuilds';

const tag = 'Admin';
const BASE = '/api/v1/admin';

/**
 * History for admins (issue 13): every route needs the `admin` role (403 otherwise) and records
 * the read itself, with the optional `reason`, in the audit.
 */
export function adminHistoryRoutes(history: AdminHistory, projections: () => Promise<ProjectionStatus[]>, replays: Replays, rebuilds: ProjectionRebuildsPort): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: `${BASE}/projections/:name/rebuild`,
      role: 'admin',
      tag,
      summary: 'Rebuild a projection from the start of the log into a new collection while the current one serves, then switch over atomically and drop the old one (ADR 0012)',
      params: RebuildParams,
      body: RebuildRequest,
      responses: {
        202: { description: 'Started; follow `Location` for progress', schema: RebuildStatus },
        ...errorResponses(400, 401, 403, 404, 409),
      },
      async handler({ params, body, context }) {
        // Recorded once started: a refused rebuild (404, 409) changed nothing.
        const status = await rebuilds.start(params.name, context.actor ?? null);
        await history.recordAction('rebuild', params.name, body.reason, context);
        return { status: 202, body: status, headers: { Location: `${BASE}/projections/${params.name}/rebuild` } };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/projections/:name/rebuild`,
      role: 'admin',
      tag,
      summary: 'A projection’s rebuild: progress while it runs (phase, checkpoint, events behind, percent), its outcome after',
      params: RebuildParams,
      query: AdminStatusQuery,
      responses: { 200: { description: 'The rebuild in progress or the last one', schema: RebuildStatus }, ...errorResponses(400, 401, 403, 404) },
      async handler({ params, query, context }) {
        const status = await rebuilds.status(params.name);
        await history.recordAction('rebuild_status', params.name, query.reason, context);
        return { status: 200, body: status };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/replays`,
      role: 'admin',
      tag,
      summary: 'Re-publish a range of history (by position or time, optionally one stream prefix or topic) as integration events marked as replays',
      body: ReplayRequest,
      responses: { 202: { description: 'Started; follow `Location` for progress', schema: ReplayStatus }, ...errorResponses(400, 401, 403) },
      async handler({ body, context }) {
        await history.recordAction('replay', replayTarget(body), body.reason, context);
        const status = await replays.start(body);
        return { status: 202, body: status, headers: { Location: `${BASE}/replays/${status.replay_id}` } };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/replays/:id`,
      role: 'admin',
      tag,
      summary: 'A replay’s progress: events scanned and published, position reached, status (from any api process, also after a restart)',
      params: ReplayParams,
      query: AdminStatusQuery,
      responses: { 200: { description: 'The replay', schema: ReplayStatus }, ...errorResponses(400, 401, 403, 404) },
      async handler({ params, query, context }) {
        const status = await replays.get(params.id);
        await history.recordAction('replay_status', params.id, query.reason, context);
        return { status: 200, body: status };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/projections`,
      role: 'admin',
      tag,
      summary: 'Every read model’s projection: version, checkpoint, lag in events and seconds, status, failures',
      query: AdminStatusQuery,
      responses: { 200: { description: 'The projections', schema: ProjectionList }, ...errorResponses(400, 401, 403) },
      async handler({ query, context }) {
        const items = await projections();
        await history.recordAction('projections', 'projections', query.reason, context);
        return { status: 200, body: { items } };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/streams/:stream/events`,
      role: 'admin',
      tag,
      summary: 'A stream’s events in order, paged by revision, with full metadata (actor, correlation and causation ids, times, positions)',
      params: StreamParams,
      query: StreamEventsQuery,
      responses: { 200: { description: 'A page of events', schema: StreamEventsPage }, ...errorResponses(400, 401, 403) },
      async handler({ params, query, context }) {
        return { status: 200, body: await history.streamEvents(params.stream, query, context) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/audit`,
      role: 'admin',
      tag,
      summary: 'Events across all streams, filtered by actor, aggregate, event type and time, in log order with a cursor (metadata only)',
      query: AuditQuery,
      responses: { 200: { description: 'A page of the audit', schema: AuditPage }, ...errorResponses(400, 401, 403) },
      async handler({ query, context }) {
        return { status: 200, body: await history.audit(query, context) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:entity/:id/state`,
      role: 'admin',
      tag,
      summary: 'An entity as it was at a revision (`as_of_revision`, 0-based) or a time (`as_of`), folded by its own decider; the latest without either',
      params: EntityParams,
      query: StateQuery,
      responses: { 200: { description: 'The state at that moment', schema: EntityState }, ...errorResponses(400, 401, 403, 404) },
      async handler({ params, query, context }) {
        const moment = { revision: query.as_of_revision, time: query.as_of };
        return { status: 200, body: await history.stateAt(params.entity, params.id, moment, query.reason, context) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:entity/:id/diff`,
      role: 'admin',
      tag,
      summary: 'What changed in an entity between two moments (`from`, `to`: a revision or a time), field by field',
      params: EntityParams,
      query: DiffQuery,
      responses: { 200: { description: 'The changes', schema: EntityDiff }, ...errorResponses(400, 401, 403, 404) },
      async handler({ params, query, context }) {
        return { status: 200, body: await history.diff(params.entity, params.id, query.from, query.to, query.reason, context) };
      },
    }),
  ];
}
