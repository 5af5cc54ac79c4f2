import { z } from 'zod';
import { IsoTimestamp } from '../shared/primitives';
import { JobSourceId, JobSourceKind } from './source';

/* ---- /api/v1/job-search/sources (admin) ---- */

export const JobSourceParams = z.strictObject({ id: JobSourceId });
export type JobSourceParams = z.infer<typeof JobSourceParams>;

/** What one sync of a board did to our jobs. */
export const SyncResult = z.strictObject({
  source_id: JobSourceId,
  started_at: IsoTimestamp,
  finished_at: IsoTimestamp,
  /** Postings the board listed, mapped or not. */
  fetched: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Jobs whose posting is no longer on the board. */
  archived: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Postings that could not be mapped into a job (missing title, description, …). */
  skipped: z.number().int().nonnegative(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const SyncFailure = z.strictObject({ at: IsoTimestamp, message: z.string() });

export const JobSourceView = z.strictObject({
  id: JobSourceId,
  kind: JobSourceKind,
  board: z.string(),
  company: z.string(),
  sync_interval_minutes: z.number().int().nonnegative(),
  /** The last sync that finished (run by any process); null before the first. */
  last_sync: SyncResult.nullable(),
  /** The last sync that failed, when it failed after `last_sync`. */
  last_failure: SyncFailure.nullable(),
  /** This process's breaker for the board; `open`: it failed repeatedly and is not called until the breaker lets a trial through. */
  breaker: z.enum(['closed', 'open', 'half_open']),
});
export type JobSourceView = z.infer<typeof JobSourceView>;

export const JobSourceList = z.strictObject({ items: z.array(JobSourceView) });
export type JobSourceList = z.infer<typeof JobSourceList>;
