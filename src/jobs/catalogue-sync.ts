import { randomUUID } from 'node:crypto';
import { CATALOGUE_ACTOR } from '../../contracts/jobs/commands';
import { CommandHandler } from '../shared/command-handler';
import { CatalogueJob, staticJobId } from './catalogue/catalogue';
import { jobAggregate } from './job-aggregate';

export interface CatalogueSyncReport {
  entries: number;
  /** Entries that appended events (new, changed or re-analysed). */
  changed: number;
  /** Position of the last appended event, for read-your-writes; null when nothing changed. */
  position: string | null;
}

/** Streams are loaded this many at a time; the embedded store commits concurrent appends together. */
const CONCURRENCY = 16;

/**
 * Loads the static catalogue into the event store at start-up, idempotently: job ids derive
 * from catalogue ids and an unchanged entry appends nothing (and is not even analysed), so a
 * restart duplicates nothing.
 */
export async function syncCatalogue(commands: CommandHandler, catalogue: CatalogueJob[], now: string): Promise<CatalogueSyncReport> {
  const context = { correlation_id: `catalogue-sync-${randomUUID()}`, causation_id: null, actor: CATALOGUE_ACTOR, now };
  const positions: string[] = [];
  const queue = [...catalogue];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const { catalogue_id, content, content_hash } = entry;
      const request = { type: 'SyncCatalogueJob', job_id: staticJobId(catalogue_id), actor: CATALOGUE_ACTOR, now, catalogue_id, content, content_hash } as const;
      const result = await commands.handle(jobAggregate, request, context);
      if (result.position) positions.push(result.position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, catalogue.length) }, worker));
  positions.sort();
  return { entries: catalogue.length, changed: positions.length, position: positions.at(-1) ?? null };
}
