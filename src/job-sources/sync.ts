import { SyncResult } from '../../contracts/job-sources/http';
import { JobSourceConfig } from '../../contracts/job-sources/source';
import { JobContent } from '../../contracts/jobs/job';
import { boardJobId } from './board-job-id';
import { JobBoard } from './port';

export type Upserted = 'created' | 'updated' | 'unchanged';

/** Our side of a sync: the job aggregate's commands and the jobs read model, wired in src/composition/job-sources.ts. */
export interface BoardJobs {
  /** Creates, updates or (back on the board) re-activates the job; says which. */
  upsert(job_id: string, content: JobContent): Promise<Upserted>;
  /** Archives the job of a posting that left the board; false when there was nothing to do. */
  close(job_id: string): Promise<boolean>;
  /** Ids of the source's jobs that are not archived, as the read model has them. */
  open(source: JobSourceConfig): Promise<string[]>;
}

/** Postings are written this many at a time. */
const CONCURRENCY = 8;

/**
 * One sync of a board: every listed posting becomes (or refreshes) the job whose id derives from
 * the source and the posting id; the source's jobs whose posting is gone are archived. Running
 * it again without a change on the board appends nothing.
 */
export async function syncBoard(source: JobSourceConfig, board: JobBoard, jobs: BoardJobs, now: () => Date, signal?: AbortSignal): Promise<SyncResult> {
  const started_at = now().toISOString();
  const listing = await board.list(signal);
  const counts = { created: 0, updated: 0, unchanged: 0, archived: 0 };
  const listed = new Map(listing.postings.map((posting) => [boardJobId(source.id, posting.external_id), posting.content]));
  const queue = [...listed];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      signal?.throwIfAborted();
      counts[await jobs.upsert(next[0], next[1])]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  for (const job_id of await jobs.open(source)) {
    if (listed.has(job_id)) continue;
    signal?.throwIfAborted();
    if (await jobs.close(job_id)) counts.archived++;
  }
  return { source_id: source.id, started_at, finished_at: now().toISOString(), fetched: listing.fetched, skipped: listing.skipped, ...counts };
}
