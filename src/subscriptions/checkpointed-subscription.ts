import { EventStore, RecordedEvent, Subscription } from '../event-store/port';
import { CheckpointStore } from '../read-store/checkpoints';
import { ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { PositionTracker } from './position-tracker';
import { recordSkippedEvent } from './skipped-events';

export type SubscriptionState = 'starting' | 'catching_up' | 'live' | 'reconnecting' | 'stopped';

export interface SubscriptionStatus<C extends string = string> {
  /** The checkpoint id. */
  name: string;
  state: SubscriptionState;
  /** Position of the last event whose batch completed (saved or about to be). */
  checkpoint: string;
  /** Bad events recorded in the skipped-events collection and passed over. */
  events_skipped: number;
  /** The handler's own counters (`context.count`), added once its batch completed. */
  counts: Record<C, number>;
  last_error: string | null;
}

/** What a handler may do besides its own work. */
export interface BatchContext<C extends string = string> {
  /**
   * Records a bad event (one that can never be handled: undecodable, rejected by its consumer)
   * in the skipped-events collection, logs it and counts it; its position still advances.
   * Idempotent: a batch retried after a failure records the same event again.
   */
  skip(event: RecordedEvent, error: unknown): Promise<void>;
  /** Adds `n` (default 1) to a counter of the status, once the batch completed. */
  count(counter: C, n?: number): void;
}

export interface Backoff {
  initial_ms: number;
  max_ms: number;
}

export interface CheckpointedSubscriptionOptions<C extends string = never> {
  /** Checkpoint id in `projection_checkpoints`; also the subscriber's name in its status. */
  checkpoint_id: string;
  events: EventStore;
  read_store: ReadStore;
  logger: Logger;
  /** Fields added to every log line (e.g. `{ projection: 'profiles_v1' }`). */
  log_context?: Record<string, unknown>;
  /**
   * Handles consecutive events in global order. Throwing is a transient failure (a store or a
   * broker is down): the batch is discarded and the subscription resumes from the checkpoint
   * after a backoff. Bad events are `context.skip`ped instead. Must be idempotent: after a
   * failure or a crash, events since the checkpoint are delivered again.
   */
  handle: (events: readonly RecordedEvent[], context: BatchContext<C>) => Promise<void>;
  /**
   * The types of event the handler is given (default: all); the others only move the position,
   * and the event store may pass over them without reading them.
   */
  event_types?: readonly string[];
  /**
   * Most events per batch (default 1: one event at a time, the next waits for it). Above 1,
   * events accumulate while the subscription delivers and are handed over when it pauses (a
   * page of catch-up, a live append) or when the batch is full; the next batch waits for the
   * previous one.
   */
  max_batch?: number;
  /** Where skipped events are recorded, and the document for one (default `_id` = event id). */
  skipped: { collection: string; record?: (event: RecordedEvent) => { _id: string } & Record<string, unknown> };
  /** Resubscription backoff after a drop or a failed batch: doubles up to `max_ms` (default 100 ms to 30 s). */
  backoff?: Backoff;
  /** The handler's counters, reported from zero. */
  counters?: readonly C[];
}

const DEFAULT_BACKOFF: Backoff = { initial_ms: 100, max_ms: 30_000 };

/**
 * A catch-up subscription on `$all` that remembers how far it got: the building block of every
 * subscriber (projections, the relay, and later the process manager, notifier and audit).
 *
 * - `start()` loads the checkpoint and subscribes after it.
 * - Events go to the handler one at a time or in batches; the checkpoint moves after the
 *   handler resolved, never backwards (saves are serialised). During catch-up it is saved only
 *   for batches the handler was given something in, and once more on turning live.
 * - Bad events are recorded (`context.skip`) and passed over; a throwing handler or a dropped
 *   subscription discards the batch and resubscribes from the checkpoint with exponential
 *   backoff (reset by the next completed batch).
 * - `stop()` lets a batch in flight finish; `snapshot()` reports state, checkpoint and counts.
 */
export class CheckpointedSubscription<C extends string = never> {
  private readonly checkpoints: CheckpointStore;
  private readonly tracker: PositionTracker;
  private readonly max_batch: number;
  private readonly types: ReadonlySet<string> | null;
  private readonly backoff_policy: Backoff;
  private state: SubscriptionState = 'starting';
  private events_skipped = 0;
  private readonly counts: Record<C, number>;
  private last_error: string | null = null;
  private subscription: Subscription | null = null;
  /** Bumped on every (re)subscription and stop: late callbacks of an older one are ignored. */
  private generation = 0;
  /** Events for the handler, not handed over yet. */
  private pending: RecordedEvent[] = [];
  /** Position of the last event the subscription came past, handed over or not ('' after a drop). */
  private seen = '';
  /** Batches and checkpoint saves, one after another; always settled so the next can follow. */
  private chain: Promise<void> = Promise.resolve();
  private flush_scheduled = false;
  private retry_timer: NodeJS.Timeout | null = null;
  private backoff: number;

  constructor(private readonly options: CheckpointedSubscriptionOptions<C>) {
    this.checkpoints = new CheckpointStore(options.read_store);
    this.tracker = new PositionTracker(`Subscriber ${options.checkpoint_id}`);
    this.max_batch = Math.max(1, options.max_batch ?? 1);
    this.types = options.event_types ? new Set(options.event_types) : null;
    this.backoff_policy = options.backoff ?? DEFAULT_BACKOFF;
    this.backoff = this.backoff_policy.initial_ms;
    this.counts = Object.fromEntries((options.counters ?? []).map((counter) => [counter, 0])) as Record<C, number>;
  }

  get name(): string {
    return this.options.checkpoint_id;
  }

  snapshot(): SubscriptionStatus<C> {
    return {
      name: this.options.checkpoint_id,
      state: this.state,
      checkpoint: this.tracker.current,
      events_skipped: this.events_skipped,
      counts: { ...this.counts },
      last_error: this.last_error,
    };
  }

  async start(): Promise<void> {
    this.state = 'starting';
    this.tracker.advance(await this.checkpoints.load(this.options.checkpoint_id));
    this.subscribe();
  }

  /** Lets a batch in flight finish (and checkpoint); events buffered but not handed over wait for the next start. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.generation++;
    if (this.retry_timer) clearTimeout(this.retry_timer);
    this.retry_timer = null;
    const subscription = this.subscription;
    this.subscription = null;
    this.pending = [];
    this.seen = '';
    await subscription?.stop();
    await this.chain;
  }

  /** Resolves once every event up to `position` was handled (or skipped). */
  waitFor(position: string, timeout_ms: number): Promise<void> {
    return this.tracker.waitFor(position, timeout_ms);
  }

  private subscribe(): void {
    if (this.state === 'stopped') return;
    const generation = ++this.generation;
    this.state = 'catching_up';
    this.subscription = this.options.events.subscribeToAll({
      after_position: this.tracker.current,
      event_types: this.options.event_types,
      on_event: (event) => this.accept(generation, event),
      on_checkpoint: (position) => this.pass(generation, position),
      on_live: () => this.turnLive(generation),
      on_drop: (error) => this.resubscribeLater(generation, error),
    });
  }

  /**
   * Buffers an event; a full batch is handled before the subscription delivers more
   * (backpressure). Otherwise no promise: a catch-up costs none per event.
   */
  private accept(generation: number, event: RecordedEvent): Promise<void> | void {
    if (generation !== this.generation) return;
    // The store filters too; this keeps the contract with one that hands over everything.
    if (this.types && !this.types.has(event.type)) return this.pass(generation, event.position);
    this.pending.push(event);
    this.seen = event.position;
    if (this.pending.length >= this.max_batch) return this.flush(generation);
    this.scheduleFlush();
  }

  /** Events passed over up to `position` (not for this handler): the position moves with the next batch. */
  private pass(generation: number, position: string): void {
    if (generation !== this.generation || position <= this.seen) return;
    this.seen = position;
    this.scheduleFlush();
  }

  /** Hands over what accumulated once the subscription pauses (after a store page or a live event). */
  private scheduleFlush(): void {
    if (this.flush_scheduled) return;
    this.flush_scheduled = true;
    setImmediate(() => {
      this.flush_scheduled = false;
      const generation = this.generation;
      this.flush(generation).catch((error: unknown) => this.resubscribeLater(generation, asError(error)));
    });
  }

  private flush(generation: number): Promise<void> {
    return this.enqueue(() => this.handlePending(generation));
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async handlePending(generation: number): Promise<void> {
    if (generation !== this.generation || this.seen <= this.tracker.current) return;
    const given = this.pending.splice(0);
    const last_position = this.seen;

    const counted = new Map<C, number>();
    let skipped = 0;
    if (given.length > 0) {
      await this.options.handle(given, {
        skip: async (event, error) => {
          await this.recordSkipped(event, asError(error));
          skipped++;
        },
        count: (counter, n = 1) => void counted.set(counter, (counted.get(counter) ?? 0) + n),
      });
    }
    // Done: even if a resubscription started meanwhile, every event up to here is handled.
    this.events_skipped += skipped;
    for (const [counter, n] of counted) this.counts[counter] = (this.counts[counter] ?? 0) + n;
    await this.advance(last_position, given.length > 0 || this.state === 'live', given.at(-1)?.position);
    this.backoff = this.backoff_policy.initial_ms;
  }

  private async advance(position: string, persist: boolean, changed_at?: string): Promise<void> {
    if (position <= this.tracker.current) return;
    if (persist) await this.checkpoints.save(this.options.checkpoint_id, position, changed_at);
    this.tracker.advance(position);
  }

  /** Caught up: saves a position that catch-up passed without saving (events the handler was not given). */
  private turnLive(generation: number): void {
    if (generation !== this.generation) return;
    this.state = 'live';
    void this.enqueue(async () => {
      if (generation !== this.generation) return;
      await this.checkpoints.save(this.options.checkpoint_id, this.tracker.current);
    }).catch((error: unknown) => this.resubscribeLater(generation, asError(error)));
  }

  private resubscribeLater(generation: number, error: Error): void {
    if (generation !== this.generation || this.state === 'stopped') return;
    this.generation++;
    this.pending = [];
    this.seen = '';
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.stop();
    this.state = 'reconnecting';
    this.last_error = error.message;
    this.options.logger.warn(
      { ...this.options.log_context, subscriber: this.name, err: error.message, checkpoint: this.tracker.current, retry_in_ms: this.backoff },
      'subscription dropped; resubscribing from its checkpoint',
    );
    const retrying = this.generation;
    this.retry_timer = setTimeout(() => {
      this.retry_timer = null;
      // After the batch in flight, so that its checkpoint is where the new subscription starts.
      void this.chain.then(() => {
        if (retrying === this.generation) this.subscribe();
      });
    }, this.backoff);
    this.backoff = Math.min(this.backoff * 2, this.backoff_policy.max_ms);
  }

  private async recordSkipped(event: RecordedEvent, error: Error): Promise<void> {
    this.last_error = error.message;
    this.options.logger.error(
      { ...this.options.log_context, subscriber: this.name, event_id: event.event_id, event_type: event.type, stream_id: event.stream_id, err: error.message },
      'subscriber skipped a bad event',
    );
    const record = this.options.skipped.record?.(event) ?? { _id: event.event_id };
    await recordSkippedEvent(this.options.read_store, this.options.skipped.collection, record, event, error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
