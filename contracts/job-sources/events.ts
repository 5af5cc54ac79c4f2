import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { IsoTimestamp } from '../shared/primitives';
import { JobSourceId } from './source';

/**
 * Events of the `jobsource-<uuid>` stream (the uuid derives from the source id): one per sync of
 * a configured job board, so every process lists the last sync and a restart forgets nothing.
 * Internal: counts and board failures, never on Kafka (the jobs themselves are on jobwise.jobs.v1).
 */
const count = z.number().int().nonnegative();

export const JobSourceSynced = defineEvent(
  'JobSourceSynced',
  z.object({
    source_id: JobSourceId,
    started_at: IsoTimestamp,
    finished_at: IsoTimestamp,
    fetched: count,
    created: count,
    updated: count,
    archived: count,
    unchanged: count,
    skipped: count,
  }),
);

export const JobSourceSyncFailed = defineEvent(
  'JobSourceSyncFailed',
  z.object({
    source_id: JobSourceId,
    started_at: IsoTimestamp,
    failed_at: IsoTimestamp,
    /** What went wrong with the board (a status, a timeout); never posting content. */
    message: z.string().max(1000),
  }),
);

export const JobSourceEventSchemas = [JobSourceSynced, JobSourceSyncFailed] as const;
