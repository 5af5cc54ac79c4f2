import { randomUUID } from 'node:crypto';
import { EXPIRY_ACTOR } from '../../contracts/jobs/commands';
import { JobDocument } from '../../contracts/jobs/read-model';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { live } from '../../contracts/shared/read-model';
import { ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { todayOf } from './expiry';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { PeriodicSweep } from '../shared/periodic-sweep';
import { jobAggregate } from './job-aggregate';

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Records `JobExpired` for active jobs whose `expires_date` has passed. Reads already show them
 * as expired; the event makes it a fact that the relay publishes and history keeps. Runs with
 * the `api` role; several processes sweeping at once is harmless (the decider is idempotent).
 */
export class ExpirySweeper {
  private readonly periodic = new PeriodicSweep(() => this.sweepOnce());

  constructor(
    private readonly commands: CommandHandler,
    private readonly readStore: ReadStore,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  start(interval_ms = SWEEP_INTERVAL_MS): void {
    this.periodic.start(interval_ms);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass; never throws. Resolves to the number of jobs it expired. */
  sweep(): Promise<number> {
    return this.periodic.sweep();
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now().toISOString();
    const context = { correlation_id: `job-expiry-${randomUUID()}`, causation_id: null, actor: EXPIRY_ACTOR, now };
    let expired = 0;
    try {
      const overdue = await this.readStore
        .collection<JobDocument>(JobsReadModel.collection)
        .find(live({ status: 'active', expires_date: { $ne: null, $lt: todayOf(now) } }));
      for (const job of overdue) {
        const result = await this.commands.handle(jobAggregate, { type: 'ExpireJob', job_id: job.id, actor: EXPIRY_ACTOR, now }, context);
        if (result.events.length > 0) expired++;
      }
      if (expired > 0) this.logger.info({ expired }, 'expired overdue jobs');
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'job expiry sweep failed; retrying on the next tick');
    }
    return expired;
  }
}
