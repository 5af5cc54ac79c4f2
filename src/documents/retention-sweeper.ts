import { randomUUID } from 'node:crypto';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { PeriodicSweep } from '../shared/periodic-sweep';
import { FileStore } from '../storage/port';
import { DocumentQueries } from './document-queries';
import { removeDocument } from './document-removal';

export const RETENTION_ACTOR = 'system:document-retention';
export const RETENTION_SWEEP_MS = 60_000;

/**
 * Retention (issue 11): documents expire DOCUMENT_RETENTION_DAYS after their last version. Once
 * a minute this records `DocumentExpired` for every document past it, then removes its files and
 * frees its job slot; the read model drops it, so its share links stop working. Runs with the
 * `api` role; several processes sweeping at once is harmless (expiry is recorded once).
 */
export class RetentionSweeper {
  private readonly periodic = new PeriodicSweep(() => this.sweepOnce());

  constructor(
    private readonly deps: { commands: CommandHandler; queries: DocumentQueries; files: FileStore; clock: Clock; logger: Logger },
  ) {}

  start(interval_ms = RETENTION_SWEEP_MS): void {
    this.periodic.start(interval_ms);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass; never throws. Resolves to the number of documents it expired. */
  sweep(): Promise<number> {
    return this.periodic.sweep();
  }

  private async sweepOnce(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    const context = { correlation_id: `document-retention-${randomUUID()}`, causation_id: null, actor: RETENTION_ACTOR, now };
    let expired = 0;
    try {
      for (const doc of await this.deps.queries.expiredBy(now, 500)) {
        if ((await removeDocument(this.deps, doc, 'ExpireDocument', context)).removed) expired++;
      }
      if (expired > 0) this.deps.logger.info({ expired }, 'expired documents past their retention');
    } catch (error) {
      this.deps.logger.error({ err: (error as Error).message }, 'document retention sweep failed; retrying on the next tick');
    }
    return expired;
  }
}
