import { z } from 'zod';
import { IsoTimestamp, RequestTimestamp, Uuid } from '../shared/primitives';

/** Request and response bodies of the admin history API (issue 13). Admin-only (403 otherwise). */

const digits = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && /^[0-9]{1,12}$/.test(value) ? Number(value) : value), z.number({ error: 'must be a whole number' }).int().min(0).max(max));

/** Why the admin looks (recorded with the read). */
const Reason = z.string().trim().min(1).max(500).optional();

/** `<category>-<uuid>`, e.g. `profile-4f0c…`. */
export const StreamParams = z.strictObject({ stream: z.string().regex(/^[a-z]{2,30}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be <category>-<uuid>') });

export const StreamEventsQuery = z.strictObject({
  from_revision: digits(1e12).default(0),
  limit: digits(500).pipe(z.number().min(1)).default(100),
  reason: Reason,
});
export type StreamEventsQuery = z.output<typeof StreamEventsQuery>;

export const HistoryEvent = z.object({
  event_id: Uuid,
  type: z.string(),
  stream_id: z.string(),
  revision: z.number().int(),
  position: z.string(),
  recorded_at: IsoTimestamp,
  metadata: z.object({
    actor: z.string().nullable(),
    correlation_id: z.string(),
    causation_id: z.string().nullable(),
    occurred_at: IsoTimestamp,
    schema_version: z.number().int(),
  }),
  /** Decrypted where the subject's key exists; `[erased]` where it was destroyed; secrets (password and token hashes) are never shown. */
  data: z.record(z.string(), z.unknown()),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const StreamEventsPage = z.object({
  stream: z.string(),
  items: z.array(HistoryEvent),
  /** The revision to ask for next, or null at the end of the stream. */
  next_revision: z.number().int().nullable(),
});

export const AuditQuery = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  /** A stream category: user, profile, job, generation, document, adminaccess, … */
  aggregate: z.string().regex(/^[a-z]{2,30}$/).optional(),
  event_type: z.string().regex(/^[A-Za-z]{2,60}$/).optional(),
  from: RequestTimestamp.optional(),
  to: RequestTimestamp.optional(),
  /** From the previous page's `next_cursor`. */
  cursor: z.string().regex(/^[0-9A-Za-z_-]{1,200}$/).optional(),
  limit: digits(500).pipe(z.number().min(1)).default(100),
  reason: Reason,
});
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditEntry = z.object({
  event_id: Uuid,
  event_type: z.string(),
  aggregate: z.string(),
  stream_id: z.string(),
  revision: z.number().int(),
  position: z.string(),
  actor: z.string().nullable(),
  correlation_id: z.string(),
  causation_id: z.string().nullable(),
  occurred_at: IsoTimestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });

export const Entity = z.enum(['users', 'profiles', 'jobs', 'generations', 'documents', 'applications']);
export type Entity = z.infer<typeof Entity>;
export const EntityParams = z.strictObject({ entity: Entity, id: Uuid });

/** A moment in a stream: a revision (0-based, inclusive) or a time (events that occurred at or before it). */
export const StateQuery = z
  .strictObject({ as_of_revision: digits(1e12).optional(), as_of: RequestTimestamp.optional(), reason: Reason })
  .refine((q) => !(q.as_of_revision !== undefined && q.as_of !== undefined), { error: 'give as_of_revision or as_of, not both' });
export type StateQuery = z.output<typeof StateQuery>;

export const EntityState = z.object({
  entity: Entity,
  id: Uuid,
  stream: z.string(),
  /** The last revision folded (-1: none yet). */
  revision: z.number().int(),
  /** When that event occurred (null before the first). */
  occurred_at: IsoTimestamp.nullable(),
  /** The state as the aggregate's own decider folds it (what deciding needs); secrets shown as `[secret]`. */
  state: z.unknown(),
  /** The entity as its read model showed it at that moment (the projection's own fold); null when it has none or did not exist. */
  view: z.unknown(),
});
export type EntityState = z.infer<typeof EntityState>;

/** `from` and `to`: each a revision number or an RFC 3339 time. */
const Moment = z.string().regex(/^([0-9]{1,12}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))$/, 'must be a revision number or an RFC 3339 time');
export const DiffQuery = z.strictObject({ from: Moment, to: Moment, reason: Reason });
export type DiffQuery = z.output<typeof DiffQuery>;

export const FieldChange = z.object({
  /** Dot path into the state or the view, e.g. `view.experiences.1.title`. */
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const EntityDiff = z.object({
  entity: Entity,
  id: Uuid,
  from: z.object({ revision: z.number().int(), occurred_at: IsoTimestamp.nullable() }),
  to: z.object({ revision: z.number().int(), occurred_at: IsoTimestamp.nullable() }),
  changes: z.array(FieldChange),
});
export type EntityDiff = z.infer<typeof EntityDiff>;

/** A projection rebuild (ADR 0012): progress while it runs, the outcome after. */
export const RebuildStatus = z.object({
  rebuild_id: Uuid,
  projection: z.string(),
  /**
   * requested (asked through an api process without the projector role; a projector process picks it up within
   * about a second, else it shows as failed after 60 s) → rebuilding (catching up beside the live collection) →
   * switching (the live projection paused for the atomic rename) → completed | failed.
   */
  phase: z.enum(['requested', 'rebuilding', 'switching', 'completed', 'failed']),
  /** The collection queries read; after the switch it holds the rebuilt documents and the old ones are dropped. */
  collection: z.string(),
  /** The collection being built until the switch. */
  building: z.string(),
  /** Position the rebuild reached, and the live projection's. */
  checkpoint: z.string(),
  live_checkpoint: z.string(),
  /** Events the rebuild is behind the live projection (counted up to 1000). */
  behind_events: z.number().int(),
  /** Share of the log rebuilt, estimated from positions. */
  percent: z.number().min(0).max(100),
  events_applied: z.number().int(),
  events_failed: z.number().int(),
  started_at: IsoTimestamp,
  switched_at: IsoTimestamp.nullable(),
  finished_at: IsoTimestamp.nullable(),
  /** How long the live projection stood still for the switch. */
  switch_ms: z.number().int().nullable(),
  error: z.string().nullable(),
  requested_by: z.string().nullable(),
  /** When it was asked for through a process that does not run the projection (null: started where it runs). */
  requested_at: IsoTimestamp.nullable(),
  updated_at: IsoTimestamp,
});
export type RebuildStatus = z.infer<typeof RebuildStatus>;
export const RebuildParams = z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/, 'must be a projection name such as jobs_v2') });
export const RebuildRequest = z.strictObject({ reason: Reason });
/** The status reads (projections, a rebuild, a replay) are audited too, with their optional reason. */
export const AdminStatusQuery = z.strictObject({ reason: Reason });

export const ProjectionStatus = z.object({
  /** The read model's name, also its checkpoint id, e.g. `documents_v1`. */
  name: z.string(),
  /** The version suffix of the name (a new version rebuilds side by side). */
  version: z.number().int().nullable(),
  collection: z.string(),
  /** Position of the last event applied ('' before the first). */
  checkpoint: z.string(),
  lag: z.object({ events: z.number().int(), seconds: z.number() }),
  /** The subscription's state where this process runs the projector; `elsewhere` when another process does. */
  status: z.string(),
  ready: z.boolean().nullable(),
  events_applied: z.number().int().nullable(),
  events_failed: z.number().int().nullable(),
  last_error: z.string().nullable(),
  /** The rebuild in progress, else the last one (null: never rebuilt). */
  rebuild: RebuildStatus.nullable(),
});
export type ProjectionStatus = z.infer<typeof ProjectionStatus>;
export const ProjectionList = z.object({ items: z.array(ProjectionStatus) });

/** POST /admin/replays: a range of history by position (exclusive start, inclusive end, as checkpoints) or time, optionally one stream prefix or topic. */
export const ReplayRequest = z
  .strictObject({
    from_position: z.string().min(1).max(100).optional(),
    from_time: RequestTimestamp.optional(),
    to_position: z.string().min(1).max(100).optional(),
    to_time: RequestTimestamp.optional(),
    /** Only streams whose id starts with this, e.g. `generation-` or `document-4f0c`. */
    stream_prefix: z.string().regex(/^[a-z]{2,30}(-[0-9a-f-]{0,36})?$/).optional(),
    topic: z.string().regex(/^jobwise\.[a-z]+\.v\d+$/).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((r) => !(r.from_position && r.from_time) && !(r.to_position && r.to_time), { error: 'give a position or a time for each end, not both' });
export type ReplayRequest = z.output<typeof ReplayRequest>;

export const ReplayStatus = z.object({
  replay_id: Uuid,
  status: z.enum(['running', 'completed', 'failed']),
  request: z.record(z.string(), z.unknown()),
  scanned: z.number().int(),
  published: z.number().int(),
  /** Position of the last event scanned. */
  position: z.string(),
  started_at: IsoTimestamp,
  finished_at: IsoTimestamp.nullable(),
  error: z.string().nullable(),
});
export type ReplayStatus = z.infer<typeof ReplayStatus>;
export const ReplayParams = z.strictObject({ id: Uuid });
