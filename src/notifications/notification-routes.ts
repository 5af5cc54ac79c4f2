import { ServerSentEvent } from '../../contracts/shared/server-sent-event';
import { NotificationListQuery, NotificationPage, Preferences, PreferencesRequest, ReadAllResult } from '../../contracts/notifications/http';
import { NotificationsReadModel, PreferencesReadModel } from '../../contracts/notifications/read-model';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, ResponseStream, route, RouteSpec } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { notificationAggregate, preferencesAggregate } from './notification-decider';
import { NotificationQueries } from './notification-queries';

export interface NotificationRouteDeps {
  commands: CommandHandler;
  queries: NotificationQueries;
  waiter: ProjectionWaiter;
  /** How often the event stream looks for new notifications, in ms. */
  poll_ms?: number;
}

const tag = 'Notifications';
const BASE = '/api/v1/notifications';
const STREAM_MS = 60_000;
const KEEP_ALIVE_MS = 15_000;

/** In-app notifications (issue 14 item 4): the caller's list, reading them, an event stream, preferences. */
export function notificationRoutes(deps: NotificationRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: BASE,
      tag,
      summary: 'Your notifications, unread first then newest, with the unread total',
      query: NotificationListQuery,
      responses: { 200: { description: 'A page of notifications', schema: NotificationPage }, ...errorResponses(400, 401) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/read-all`,
      tag,
      summary: 'Mark every unread notification of yours read',
      responses: { 200: { description: 'How many were marked', schema: ReadAllResult }, ...errorResponses(401) },
      async handler({ user, context }) {
        let position: string | null = null;
        const unread = await deps.queries.unread(user.id);
        for (const doc of unread) {
          const result = await deps.commands.handle(notificationAggregate, { type: 'ReadNotification', now: context.now, notification_id: doc.id, user_id: user.id }, context);
          position = result.position ?? position;
        }
        if (position) await deps.waiter.waitFor(NotificationsReadModel.name, position).catch(() => undefined);
        return { status: 200, body: { marked: unread.length } };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/stream`,
      tag,
      summary:
        'Server-sent events: `notification` for each new notification of yours while the stream is open (one minute; EventSource reconnects, and with `Last-Event-ID` the stream resumes after that notification, so none raised in between is missed)',
      headers: [{ name: 'Last-Event-ID', description: 'The id of the last notification received (EventSource sends it when it reconnects): the stream starts after it instead of now' }],
      responses: {
        200: { description: 'An event stream of `event: notification` whose data is the notification', schema: ServerSentEvent, content_type: 'text/event-stream' },
        ...errorResponses(401),
      },
      async handler({ user, context, header }) {
        // A Last-Event-ID that is not one of the caller's notifications (or not an id at all) is ignored: the stream starts now.
        const last = header('last-event-id')?.trim();
        const resumed = last ? await deps.queries.createdAt(last, user.id) : null;
        const start = resumed ? { since: resumed, sent: [last!] } : { since: context.now, sent: [] };
        return {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
          stream: (out) => streamNew(deps, user.id, start, out),
        };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/preferences`,
      tag,
      summary: 'Which kinds of notification you get, and how job alerts are delivered',
      responses: { 200: { description: 'Your preferences', schema: Preferences }, ...errorResponses(401) },
      async handler({ user }) {
        return { status: 200, body: await deps.queries.preferences(user.id) };
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/preferences`,
      tag,
      summary: 'Turn kinds of notification on or off and choose the job-alert digest (instant, daily, weekly); what is left out stays',
      body: PreferencesRequest,
      responses: { 200: { description: 'Your preferences', schema: Preferences }, ...acceptedResponse, ...errorResponses(400, 401) },
      async handler({ body, user, context }) {
        const current = await deps.queries.preferences(user.id);
        const next = { kinds: { ...current.kinds, ...body.kinds }, digest: body.digest ?? current.digest };
        const result = await deps.commands.handle(preferencesAggregate, { type: 'SetPreferences', now: context.now, user_id: user.id, ...next }, context);
        return afterWrite({
          waiter: deps.waiter,
          readModel: PreferencesReadModel.name,
          written: result,
          location: `${BASE}/preferences`,
          respond: async () => ({ status: 200, body: await deps.queries.preferences(user.id) }),
        });
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/read`,
      tag,
      summary: 'Mark a notification of yours read',
      params: IdParams,
      responses: { 204: { description: 'Read' }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const result = await deps.commands.handle(notificationAggregate, { type: 'ReadNotification', now: context.now, notification_id: params.id, user_id: user.id }, context);
        return afterWrite({ waiter: deps.waiter, readModel: NotificationsReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
  ];
}

/**
 * Sends each notification created from `start.since` (the opening, or the last one a reconnecting
 * client received), polling the read model. Reads start at the last time sent, inclusive: another
 * notification can carry the same millisecond as one already sent (or as the opening), so the
 * ids sent at that time are skipped rather than the time itself.
 */
async function streamNew(deps: NotificationRouteDeps, user_id: string, start: { since: string; sent: string[] }, out: ResponseStream): Promise<void> {
  const poll = deps.poll_ms ?? 250;
  const until = Date.now() + STREAM_MS;
  let since = start.since;
  let sentAtSince = new Set<string>(start.sent);
  let quiet = 0;
  out.write(': connected\n\n');
  while (!out.closed() && Date.now() < until) {
    const fresh = (await deps.queries.since(user_id, since)).filter((notification) => !sentAtSince.has(notification.id));
    for (const notification of fresh) {
      out.write(`event: notification\nid: ${notification.id}\ndata: ${JSON.stringify(notification)}\n\n`);
      if (notification.created_at !== since) {
        since = notification.created_at;
        sentAtSince = new Set();
      }
      sentAtSince.add(notification.id);
    }
    if (fresh.length === 0 && (quiet += poll) >= KEEP_ALIVE_MS) {
      out.write(': keep-alive\n\n');
      quiet = 0;
    } else if (fresh.length > 0) quiet = 0;
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
}
