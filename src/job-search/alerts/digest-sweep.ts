import { Clock } from '../../shared/clock';
import { CommandContext, CommandHandler } from '../../shared/command-handler';
import { ID_NAMESPACES, uuidV5 } from '../../shared/ids';
import { Logger } from '../../shared/logger';
import { PeriodicSweep } from '../../shared/periodic-sweep';
import { JOB_ALERTS_ACTOR, AlertNotifications } from './alert-matcher';
import { AlertQueries } from './alert-queries';
import { digestAggregate } from './digest-decider';

export interface DigestSweepDeps {
  commands: CommandHandler;
  queries: AlertQueries;
  notifications: AlertNotifications;
  clock: Clock;
  logger: Logger;
  interval_ms: number;
}

/** The id of a digest's notification: one per digest. */
export const digestNotificationId = (digest_id: string): string => uuidV5(`job_alert_digest/${digest_id}`, ID_NAMESPACES.notification);

export const digestTitle = (jobs: number): string => (jobs === 1 ? '1 new job matches your saved searches' : `${jobs} new jobs match your saved searches`);

/**
 * Sends each daily or weekly digest once its period has ended (by the Clock): closes it (which
 * fixes its jobs), raises one `job_alert` notification when the user wants job alerts, and marks
 * it sent. Every step is idempotent, so a sweep that stopped half-way, or two notifier processes
 * sweeping at once, raise each digest once.
 */
export class DigestSweep {
  private readonly sweep = new PeriodicSweep(() => this.once());

  constructor(private readonly deps: DigestSweepDeps) {}

  start(): void {
    this.sweep.start(this.deps.interval_ms);
  }

  stop(): Promise<void> {
    return this.sweep.stop();
  }

  /** One sweep now; answers how many digests it sent. */
  run(): Promise<number> {
    return this.sweep.sweep();
  }

  private async once(): Promise<number> {
    try {
      const now = this.deps.clock.now().toISOString();
      const context: CommandContext = { correlation_id: `job-alert-digests-${now}`, actor: JOB_ALERTS_ACTOR, now };
      let sent = 0;
      for (const due of await this.deps.queries.dueDigests(now)) {
        const { state } = await this.deps.commands.handle(digestAggregate, { type: 'CloseDigest', digest_id: due.id, user_id: due.user_id }, context);
        if (state.status !== 'closed') continue;
        let notification_id: string | null = null;
        if (state.job_ids.length > 0 && (await this.deps.notifications.enabled(state.user_id))) {
          notification_id = digestNotificationId(due.id);
          await this.deps.notifications.raise({ notification_id, user_id: state.user_id, title: digestTitle(state.job_ids.length), job_ids: state.job_ids, source_event_id: due.id }, context);
        }
        await this.deps.commands.handle(digestAggregate, { type: 'MarkDigestSent', digest_id: due.id, user_id: state.user_id, notification_id }, context);
        sent++;
      }
      return sent;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'job-alert digest sweep failed');
      return 0;
    }
  }
}
