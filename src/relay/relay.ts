import { CheckpointStore } from '../read-store/checkpoints';
import { PositionTracker } from '../shared/position-tracker';
import { recordSkippedEvent } from '../shared/skipped-events';
import { MessageBus } from '../bus/port';
import { EventStore, RecordedEvent, Subscription } from '../event-store/port';
import { ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { prepareBatch, PreparedBatch, publishedCount } from './batch';

/** Checkpoint id in the projectors' checkpoint collection (`projection_checkpoints`). */
export const RELAY_CHECKPOINT = 'relay';
export const RELAY_FAILURES_COLLECTION = 'relay_failures';

export interface RelayStatus {
  state: 'starting' | 'catching_up' | 'live' | 'reconnecting' | 'stopped';
  /** Position of the last event whose batch the broker acknowledged. */
  checkpoint: string;
  events_published: number;
  /** Internal events (claims), never published. */
  events_internal: number;
  /** Undecodable events, recorded in `relay_failures` and skipped. */
  events_failed: number;
  last_error: string | null;
}

export interface RelayOptions {
  /** Most events published per batch (default 500). */
  max_batch?: number;
  /** Resubscription backoff after a drop or a failed publish: doubles up to `max_ms`. */
  backoff?: { initial_ms: number; max_ms: number };
}

const DEFAULTS = { max_batch: 500, backoff: { initial_ms: 100, max_ms: 30_000 } };

/**
 * Publishes integration events from the event store to the bus, at least once and in
 * per-stream order. A catch-up subscription from the stored checkpoint feeds a buffer; the
 * buffer is published per topic in one call per topic, and only after the broker acknowledged
 * the whole batch does the checkpoint move (never backwards). A failed publish or a dropped
 * subscription discards the buffer and resubscribes from the checkpoint with backoff.
 *
 * Batches are published one after another, so a stream's later events never overtake its
 * earlier ones. While one batch is in flight the next one accumulates (group commit).
 */
export class EventRelay {
  private readonly checkpoints: CheckpointStore;
  private readonly options: typeof DEFAULTS;
  private readonly tracker = new PositionTracker('The relay');
  private readonly status: RelayStatus;
  private subscription: Subscription | null = null;
  /** Bumped on every (re)subscription and stop: late callbacks of an older one are ignored. */
  private generation = 0;
  private pending: RecordedEvent[] = [];
  /** The publish chain; always settled without rejection so the next batch can follow. */
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoff: number;

  constructor(
    private readonly events: EventStore,
    private readonly bus: MessageBus,
    private readonly readStore: ReadStore,
    private readonly logger: Logger,
    options: RelayOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(readStore);
    this.options = { ...DEFAULTS, ...options };
    this.backoff = this.options.backoff.initial_ms;
    this.status = { state: 'starting', checkpoint: '', events_published: 0, events_internal: 0, events_failed: 0, last_error: null };
  }

  snapshot(): RelayStatus {
    return { ...this.status, checkpoint: this.tracker.current };
  }

  async start(): Promise<void> {
    this.status.state = 'starting';
    this.tracker.advance(await this.checkpoints.load(RELAY_CHECKPOINT));
    this.subscribe();
  }

  /** Lets an in-flight batch finish (and checkpoint); buffered events are published after the next start. */
  async stop(): Promise<void> {
    this.status.state = 'stopped';
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = null;
    this.pending = [];
    await subscription?.stop();
    await this.flushing;
  }

  /** Resolves once every event up to `position` was published (or skipped). */
  waitFor(position: string, timeout_ms = 10_000): Promise<void> {
    return this.tracker.waitFor(position, timeout_ms);
  }

  private subscribe(): void {
    if (this.status.state === 'stopped') return;
    const generation = ++this.generation;
    this.status.state = 'catching_up';
    this.subscription = this.events.subscribeToAll({
      after_position: this.tracker.current,
      on_event: (event) => this.accept(generation, event),
      on_live: () => {
        if (generation === this.generation) this.status.state = 'live';
      },
      on_drop: (error) => this.resubscribeLater(generation, error),
    });
  }

  /** Buffers an event; a full buffer is published before the subscription delivers more (backpressure). */
  private async accept(generation: number, event: RecordedEvent): Promise<void> {
    if (generation !== this.generation) return;
    this.pending.push(event);
    if (this.pending.length >= this.options.max_batch) await this.flush(generation);
    else this.scheduleFlush();
  }

  /** Publishes what accumulated once the subscription pauses (after a store page or a live event). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const generation = this.generation;
      this.flush(generation).catch((error: Error) => this.resubscribeLater(generation, error));
    });
  }

  private flush(generation: number): Promise<void> {
    const next = this.flushing.then(() => this.publishPending(generation));
    this.flushing = next.catch(() => undefined);
    return next;
  }

  private async publishPending(generation: number): Promise<void> {
    if (generation !== this.generation || this.pending.length === 0) return;
    const batch = prepareBatch(this.pending.splice(0));
    for (const { event, error } of batch.failures) await this.recordFailure(event, error);
    await Promise.all([...batch.by_topic].map(([topic, messages]) => this.bus.publish(topic, messages)));
    // Acknowledged: even if a resubscription started meanwhile, every event up to here is out.
    await this.advance(batch);
    this.backoff = this.options.backoff.initial_ms;
  }

  private async advance(batch: PreparedBatch): Promise<void> {
    this.status.events_published += publishedCount(batch);
    this.status.events_internal += batch.internal;
    this.status.events_failed += batch.failures.length;
    if (batch.last_position <= this.tracker.current) return;
    await this.checkpoints.save(RELAY_CHECKPOINT, batch.last_position);
    this.tracker.advance(batch.last_position);
  }

  private resubscribeLater(generation: number, error: Error): void {
    if (generation !== this.generation || this.status.state === 'stopped') return;
    this.generation++;
    this.pending = [];
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.stop();
    this.status.state = 'reconnecting';
    this.status.last_error = error.message;
    this.logger.warn(
      { component: 'relay', err: error.message, checkpoint: this.tracker.current, retry_in_ms: this.backoff },
      'relay resubscribes from its checkpoint',
    );
    this.retryTimer = setTimeout(() => void this.flushing.then(() => this.subscribe()), this.backoff);
    this.backoff = Math.min(this.backoff * 2, this.options.backoff.max_ms);
  }

  /** Idempotent: a batch retried after a failed publish records the same failure again. */
  private async recordFailure(event: RecordedEvent, error: Error): Promise<void> {
    this.status.last_error = error.message;
    this.logger.error(
      { component: 'relay', event_id: event.event_id, event_type: event.type, stream_id: event.stream_id, err: error.message },
      'relay skipped an event it cannot decode',
    );
    await recordSkippedEvent(this.readStore, RELAY_FAILURES_COLLECTION, { _id: event.event_id }, event, error);
  }
}
