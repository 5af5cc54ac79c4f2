import { MessageBus } from '../bus/port';
import { EventStore, RecordedEvent } from '../event-store/port';
import { ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { Backoff, BatchContext, CheckpointedSubscription, SubscriptionState } from '../subscriptions';
import { prepareBatch, publishedCount } from './batch';
import { EventSerializer, plainSerializer } from '../event-store/serializer';
import { relayTopics } from './topics';

/** Checkpoint id in the projectors' checkpoint collection (`projection_checkpoints`). */
export const RELAY_CHECKPOINT = 'relay';
export const RELAY_FAILURES_COLLECTION = 'relay_failures';

export interface RelayStatus {
  state: SubscriptionState;
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
  backoff?: Backoff;
}

const DEFAULTS = { max_batch: 500, backoff: { initial_ms: 100, max_ms: 30_000 } };

type RelayCounter = 'published' | 'internal';

/**
 * Publishes integration events from the event store to the bus, at least once and in
 * per-stream order, on a checkpointed subscription (src/subscriptions) in batches: the
 * subscription's events accumulate and are published per topic in one call per topic; only
 * after the broker acknowledged the whole batch does the checkpoint move (never backwards). A
 * failed publish or a dropped subscription discards the buffer and resubscribes from the
 * checkpoint with backoff.
 *
 * Batches are published one after another, so a stream's later events never overtake its
 * earlier ones. While one batch is in flight the next one accumulates (group commit).
 * `start()` first creates every topic the relay owns, and their dead-letter topics.
 */
export class EventRelay {
  private readonly subscription: CheckpointedSubscription<RelayCounter>;

  constructor(
    events: EventStore,
    private readonly bus: MessageBus,
    readStore: ReadStore,
    logger: Logger,
    options: RelayOptions = {},
    private readonly serializer: EventSerializer = plainSerializer,
  ) {
    const { max_batch, backoff } = { ...DEFAULTS, ...options };
    this.subscription = new CheckpointedSubscription({
      checkpoint_id: RELAY_CHECKPOINT,
      events,
      read_store: readStore,
      logger,
      log_context: { component: 'relay' },
      handle: (batch, context) => this.publish(batch, context),
      max_batch,
      skipped: { collection: RELAY_FAILURES_COLLECTION },
      backoff,
      counters: ['published', 'internal'],
    });
  }

  snapshot(): RelayStatus {
    const { state, checkpoint, counts, events_skipped, last_error } = this.subscription.snapshot();
    return { state, checkpoint, events_published: counts.published, events_internal: counts.internal, events_failed: events_skipped, last_error };
  }

  /** Creates the relay's topics (before anything is published), then subscribes from the checkpoint. */
  async start(): Promise<void> {
    await this.bus.ensureTopics(relayTopics());
    await this.subscription.start();
  }

  /** Lets an in-flight batch finish (and checkpoint); buffered events are published after the next start. */
  async stop(): Promise<void> {
    await this.subscription.stop();
  }

  /** Resolves once every event up to `position` was published (or skipped). */
  waitFor(position: string, timeout_ms = 10_000): Promise<void> {
    return this.subscription.waitFor(position, timeout_ms);
  }

  /** Resolves once the broker acknowledged every message of the batch; undecodable events are skipped first. */
  private async publish(events: readonly RecordedEvent[], context: BatchContext<RelayCounter>): Promise<void> {
    const opened: RecordedEvent[] = [];
    for (const event of events) {
      try {
        opened.push(await this.serializer.open(event));
      } catch (error) {
        await context.skip(event, error instanceof Error ? error : new Error(String(error)));
      }
    }
    const batch = prepareBatch(opened);
    for (const { event, error } of batch.failures) await context.skip(event, error);
    await Promise.all([...batch.by_topic].map(([topic, messages]) => this.bus.publish(topic, messages)));
    context.count('published', publishedCount(batch));
    context.count('internal', batch.internal);
  }
}
