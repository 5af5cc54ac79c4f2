import { MessageBus } from '../bus/port';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { RouteSpec } from '../http/route';
import { AlertNotifications, JobAlertMatcher } from '../job-search/alerts/alert-matcher';
import { AlertQueries } from '../job-search/alerts/alert-queries';
import { alertRoutes, deleteAlertsOf } from '../job-search/alerts/alert-routes';
import { DigestSweep } from '../job-search/alerts/digest-sweep';
import { SavedSearchQueries } from '../job-search/saved-searches/saved-search-queries';
import { savedSearchRoutes } from '../job-search/saved-searches/saved-search-routes';
import { notificationAggregate } from '../notifications/notification-decider';
import { NotificationQueries } from '../notifications/notification-queries';
import { ReadStore } from '../read-store/port';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { BackgroundTask } from '../shared/background-tasks';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { streamName } from '../shared/streams';

/** Saved searches and job alerts (issue 14 item 2): deleting a saved search deletes its alerts; an alert needs a saved search of the caller's. */
export function jobAlertApiRoutes(deps: { commands: CommandHandler; readStore: ReadStore; waiter: ProjectionWaiter }): RouteSpec[] {
  const searches = new SavedSearchQueries(deps.readStore);
  const alerts = new AlertQueries(deps.readStore);
  const preferences = new NotificationQueries(deps.readStore);
  return [
    ...savedSearchRoutes({
      commands: deps.commands,
      queries: searches,
      waiter: deps.waiter,
      deleteAlertsOf: (criteria_id, user_id, context) => deleteAlertsOf({ commands: deps.commands, queries: alerts }, criteria_id, user_id, context),
    }),
    ...alertRoutes({
      commands: deps.commands,
      queries: alerts,
      waiter: deps.waiter,
      criteriaOwned: async (criteria_id, user_id) => void (await searches.owned(criteria_id, user_id)),
      defaultFrequency: async (user_id) => (await preferences.preferences(user_id)).digest,
    }),
  ];
}

/** Job alerts raise `job_alert` notifications through the notification aggregate, as the user's preferences allow. */
export function alertNotifications(commands: CommandHandler, readStore: ReadStore): AlertNotifications {
  const queries = new NotificationQueries(readStore);
  return {
    enabled: async (user_id) => (await queries.preferences(user_id)).kinds.job_alert,
    async raise({ notification_id, user_id, title, job_ids, source_event_id }, context) {
      // One job: `job_id`, as every other notification names its subject; a digest: `job_ids`
      // (the first 1,000; the title gives the count).
      const refs = job_ids.length === 1 ? { job_id: job_ids[0] } : { job_ids: job_ids.slice(0, 1000) };
      const command = { type: 'RaiseNotification', now: context.now, notification_id, user_id, kind: 'job_alert', title, refs, source_event_id } as const;
      await commands.handle(notificationAggregate, command, context);
    },
  };
}

/**
 * The job-alert matcher and the digest sweep (role `notifier`): its own consumer group on
 * `jobwise.jobs.v1` (`<NOTIFIER_GROUP>.job-alerts`), so it keeps its own offsets beside the notifier's.
 */
export function jobAlertTasks(deps: {
  events: EventStore;
  serializer: EventSerializer;
  bus: MessageBus;
  readStore: ReadStore;
  clock: Clock;
  logger: Logger;
  group_id: string;
  digest_sweep_ms?: number;
}): BackgroundTask[] {
  const commands = new CommandHandler(deps.events, deps.serializer);
  const queries = new AlertQueries(deps.readStore);
  const notifications = alertNotifications(commands, deps.readStore);
  const logger = deps.logger.child({ component: 'job-alerts' });
  const jobRecorded = async (job_id: string) => (await deps.events.readStream(streamName('job', job_id), { max_count: 1 })).length > 0;
  const matcher = new JobAlertMatcher({ bus: deps.bus, commands, queries, notifications, clock: deps.clock, logger, group_id: `${deps.group_id}.job-alerts`, jobRecorded });
  const sweep = new DigestSweep({ commands, queries, notifications, clock: deps.clock, logger, interval_ms: deps.digest_sweep_ms ?? 60_000 });
  return [
    { name: 'job-alert-matcher', start: () => matcher.start(), stop: () => matcher.stop() },
    { name: 'job-alert-digests', start: async () => sweep.start(), stop: () => sweep.stop() },
  ];
}
