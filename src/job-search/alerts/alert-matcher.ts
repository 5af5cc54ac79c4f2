import { IntegrationEvent, IntegrationTopics } from '../../../contracts/integration';
import { DigestPeriod } from '../../../contracts/job-search/alerts-events';
import { actionable } from '../../bus/actionable';
import { ConsumedMessage, Consumer, MessageBus } from '../../bus/port';
import { Clock } from '../../shared/clock';
import { CommandContext, CommandHandler } from '../../shared/command-handler';
import { ID_NAMESPACES, uuidV5 } from '../../shared/ids';
import { Logger } from '../../shared/logger';
import { alertsFor } from './alert-match';
import { AlertQueries } from './alert-queries';
import { digestAggregate, DigestClosedError } from './digest-decider';
import { digestIdOf, periodOf } from './digest-period';
import { Match, matchAggregate, matchIdOf } from './match-decider';

export const JOB_ALERTS_ACTOR = 'system:job-alerts';

/** What the matcher asks of the notifications slice (wired by the composition root). */
export interface AlertNotifications {
  /** Whether the user wants job alerts (their preferences' `kinds.job_alert`). */
  enabled(user_id: string): Promise<boolean>;
  /** Raises a `job_alert` notification; raising the same id again adds nothing. */
  raise(notification: { notification_id: string; user_id: string; title: string; job_ids: string[]; source_event_id: string }, context: CommandContext): Promise<void>;
}

export interface AlertMatcherDeps {
  bus: MessageBus;
  commands: CommandHandler;
  queries: AlertQueries;
  notifications: AlertNotifications;
  clock: Clock;
  logger: Logger;
  group_id: string;
  /** How long to wait for `jobs_v2` to hold the job an event is about before the message is retried. */
  read_model_wait_ms?: number;
  /** Whether the event store holds the job's stream: a job it does not know is not waited for. */
  jobRecorded?(job_id: string): Promise<boolean>;
}

/** The id of the instant notification of a user and a job: one ever. */
export const instantNotificationId = (user_id: string, job_id: string): string => uuidV5(`job_alert/${user_id}/${job_id}`, ID_NAMESPACES.notification);

/** A job became active: created active, or moved to active. Pure. */
export function activatedJob(event: IntegrationEvent): { job_id: string } | null {
  if (event.event_type === 'job.created' && event.data.status === 'active') return { job_id: event.data.job_id };
  if (event.event_type === 'job.status_changed' && event.data.to === 'active') return { job_id: event.data.job_id };
  return null;
}

/**
 * The job-alert matcher (runs in the `notifier` role, its own consumer group): each job that
 * becomes active on `jobwise.jobs.v1` is read from `jobs_v2` (integration events carry no
 * text) and matched against every running alert that may see it. A match is recorded once per
 * user and job (`jobalertmatch-<uuidv5(user/job)>`), then raised as an instant notification
 * (its id from the same user and job) or added to the user's daily or weekly digest. A
 * redelivery, a replay (ignored), a restart or a second matching alert finds the match recorded
 * and adds nothing; a crash between the steps is finished by the redelivery, as each step is
 * idempotent.
 */
export class JobAlertMatcher {
  private consumer: Consumer | null = null;

  constructor(private readonly deps: AlertMatcherDeps) {}

  async start(): Promise<void> {
    await this.deps.bus.ensureTopics([IntegrationTopics.jobs]);
    this.consumer = await this.deps.bus.subscribe({ group_id: this.deps.group_id, topics: [IntegrationTopics.jobs], from_beginning: true, handler: (message) => this.handle(message) });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  async handle(message: ConsumedMessage): Promise<void> {
    const event = actionable(message, IntegrationEvent);
    if (!event) return;
    const activated = activatedJob(event);
    if (!activated) return;
    // Alerts created after the job became active never tell about it: with none older (a new
    // consumer group reading the topic's history), the job is not even read.
    const owner = event.event_type === 'job.created' ? event.data.user_id : null;
    const candidates = (await this.deps.queries.running(owner)).filter((alert) => alert.created_at <= event.occurred_at);
    if (candidates.length === 0) return;
    if (this.deps.jobRecorded && !(await this.deps.jobRecorded(activated.job_id))) return;
    const job = await this.projectedJob(activated.job_id, event.source_revision + 1);
    if (!job || job._deleted) return;
    const now = this.deps.clock.now().toISOString();
    const chosen = alertsFor(job, candidates, event.occurred_at, now.slice(0, 10));
    const context: CommandContext = { correlation_id: event.correlation_id, causation_id: event.event_id, actor: JOB_ALERTS_ACTOR, now };
    for (const [user_id, { alert_id, frequency }] of chosen) {
      const match_id = matchIdOf(user_id, job.id);
      const { state } = await this.deps.commands.handle(matchAggregate, { type: 'MatchJob', match_id, user_id, job_id: job.id, alert_id, frequency, matched_at: now }, context);
      if (state) await this.deliver(state, event.event_id, context);
    }
    if (chosen.size > 0) this.deps.logger.info({ job_id: job.id, users: chosen.size }, 'job matched alerts');
  }

  /** Raises the recorded match (the first one, whatever matched since), or adds it to its digest. */
  private async deliver(match: Match, source_event_id: string, context: CommandContext): Promise<void> {
    if (match.frequency === 'instant') {
      if (!(await this.deps.notifications.enabled(match.user_id))) return;
      const notification_id = instantNotificationId(match.user_id, match.job_id);
      await this.deps.notifications.raise({ notification_id, user_id: match.user_id, title: 'A new job matches your saved search', job_ids: [match.job_id], source_event_id }, context);
      return;
    }
    await addToDigest(this.deps.commands, match, match.frequency, context);
  }

  /** The job once `jobs_v2` has at least `version` of it; null when it does not in time... then the message is retried. */
  private async projectedJob(job_id: string, version: number) {
    const until = Date.now() + (this.deps.read_model_wait_ms ?? 30_000);
    for (;;) {
      const job = await this.deps.queries.job(job_id);
      if (job && (job._deleted || job.version >= version)) return job;
      if (Date.now() >= until) throw new Error(`jobs_v2 does not hold version ${version} of job ${job_id} yet`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Adds a match to the digest of the period it was recorded in; when the sweep has closed that
 * digest already (the match came in as the period ended), to the next period's.
 */
export async function addToDigest(commands: CommandHandler, match: Match, frequency: DigestPeriod, context: CommandContext): Promise<void> {
  let at = match.matched_at;
  for (let attempt = 0; attempt < 10; attempt++) {
    const period = periodOf(frequency, at);
    const digest_id = digestIdOf(match.user_id, frequency, period.start);
    const command = { type: 'AddDigestJob', digest_id, user_id: match.user_id, frequency, period_start: period.start, period_end: period.end, job_id: match.job_id } as const;
    try {
      await commands.handle(digestAggregate, command, context);
      return;
    } catch (error) {
      if (!(error instanceof DigestClosedError)) throw error;
      at = period.end;
    }
  }
  throw new Error('no open digest found for the match');
}
