import { ServiceUnavailableError } from '../shared/errors';
/**
 * The event store port: the system of record.
 *
 * Positions are opaque strings that sort lexicographically in the store's total order
 * ('' sorts before every event). Adapters encode their native position so that plain
 * string comparison is correct, which lets checkpoints be compared and stored anywhere.
 */

export interface EventMetadata {
  correlation_id: string;
  causation_id: string | null;
  actor: string | null;
  occurred_at: string;
  schema_version: number;
}

/** An event about to be appended. `data` is a JSON object. */
export interface EventData {
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends EventData {
  stream_id: string;
  /** 0-based index of the event within its stream. */
  revision: number;
  /** Global position in the store's total order. */
  position: string;
  recorded_at: string;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last appended event. */
  next_expected_revision: number;
  /** Position of the last appended event. */
  position: string;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start; defaults to the first (forwards) or last (backwards) event. */
  from_revision?: number;
  max_count?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events after this position. '' (default) reads from the start. */
  after_position?: string;
  max_count?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events after this position. '' delivers everything. */
  after_position?: string;
  /**
   * Called once per event, in global order; the next event waits for a promise it returns. Return
   * nothing to take the next one at once (a catch-up then costs no promise per event).
   */
  on_event: (event: RecordedEvent) => Promise<void> | void;
  /**
   * Only events of these types go to `on_event` (default: every event). The others are passed
   * over (the embedded store does not even read those its index knows the types of), and
   * `on_checkpoint` says how far.
   */
  event_types?: readonly string[];
  /**
   * Called with the position of the last event passed over, when no event after it in the same
   * step goes to `on_event`: a subscriber that waits for positions learns it got past them.
   */
  on_checkpoint?: (position: string) => void;
  /** Called when the subscription drops; it delivers nothing more after this. */
  on_drop?: (error: Error) => void;
  /** Called once, when the subscription has caught up with the events stored so far. */
  on_live?: () => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(stream_id: string, events: EventData[], expected_revision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; an empty array when the stream does not exist. */
  readStream(stream_id: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription on all events, turning live once caught up. */
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** Position of the last stored event ('' when empty). */
  headPosition(): Promise<string>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The event store cannot be reached or did not answer in time. For an append the outcome is
 * unknown (a timed-out append may still be applied); for a read nothing happened.
 */
export class EventStoreUnavailableError extends ServiceUnavailableError {
  constructor(message: string, cause?: unknown) {
    super('event_store', message, cause);
    this.name = 'EventStoreUnavailableError';
  }
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream_id: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${stream_id}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export const START_POSITION = '';
