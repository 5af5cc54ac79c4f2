import { EventStore, RecordedEvent } from '../event-store/port';
import { DomainEnvelope } from '../../contracts/events';
import { deserializeMetadata, EventSerializer, plainSerializer } from '../event-store/serializer';
import { Doc, ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { BatchContext, CheckpointedSubscription, SubscriptionState } from '../subscriptions';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc, withoutBookkeeping } from '../../contracts/shared/read-model';

export const FAILURES_COLLECTION = 'projection_failures';

export interface ProjectorStatus {
  name: string;
  state: SubscriptionState;
  checkpoint: string;
  events_applied: number;
  events_failed: number;
  last_error: string | null;
  /** Caught up with the log as it stood when the runner started (readiness). */
  ready: boolean;
}

const BACKOFF = { initial_ms: 100, max_ms: 10_000 };

/** Events applied per batch: a rebuild reads, applies in memory and writes each touched document once per batch. */
export const PROJECTION_BATCH = 1_000;

type Working = Doc & ProjectedDoc;

/** Every projection handles it, whether it lists it or not: the user's documents go (ADR 0009). */
const ERASURE = 'UserErased';

/**
 * Runs one projection on a checkpointed subscription (src/subscriptions): from its stored
 * checkpoint, one event at a time, applying each event of a type it handles idempotently (per
 * stream revision). `UserErased` deletes every document the erased user owns, in every
 * projection (`Projection.owner`). Bad events are recorded in `projection_failures` and skipped; a read store
 * error propagates, so the subscription resumes from the checkpoint with backoff.
 */
export class ProjectionRunner {
  private readonly subscription: CheckpointedSubscription<'applied'>;
  /** The log's head when the runner started; null until then. */
  private start_head: string | null = null;
  private caught_up = false;
  /** Stopped by its owner (shutdown): a rebuild's `resume()` does not start it again. */
  private stopped = false;

  constructor(
    private readonly projection: Projection<ProjectedDoc>,
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    logger: Logger,
    private readonly serializer: EventSerializer = plainSerializer,
  ) {
    this.subscription = new CheckpointedSubscription({
      checkpoint_id: projection.name,
      events,
      read_store: readStore,
      logger,
      log_context: { projection: projection.name },
      event_types: [...new Set([ERASURE, ...projection.handles])],
      handle: async (batch, context) => this.handle(batch, context),
      max_batch: PROJECTION_BATCH,
      skipped: { collection: FAILURES_COLLECTION, record: (event) => ({ _id: `${projection.name}:${event.event_id}`, projection: projection.name }) },
      backoff: BACKOFF,
      counters: ['applied'],
    });
  }

  get name(): string {
    return this.projection.name;
  }

  snapshot(): ProjectorStatus {
    const { state, checkpoint, counts, events_skipped, last_error } = this.subscription.snapshot();
    return { name: this.projection.name, state, checkpoint, events_applied: counts.applied, events_failed: events_skipped, last_error, ready: this.ready };
  }

  /** Once caught up with the events that existed at start, it stays ready. */
  get ready(): boolean {
    if (!this.caught_up && this.start_head !== null) this.caught_up = this.subscription.snapshot().checkpoint >= this.start_head;
    return this.caught_up;
  }

  async start(): Promise<void> {
    const collection = this.readStore.collection(this.projection.collection);
    for (const index of this.projection.indexes ?? []) await collection.ensureIndex(index.fields, { unique: index.unique });
    this.start_head = await this.events.headPosition();
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription.stop();
  }

  /**
   * Stops applying events until `resume()`, for a rebuild's switch (ADR 0012): the batch in
   * flight finishes first, so nothing is written to the collection once this resolves.
   */
  async pause(): Promise<void> {
    await this.subscription.stop();
  }

  /** Goes on from the stored checkpoint (which the switch may have moved forward); nothing after a `stop()`. */
  async resume(): Promise<void> {
    if (this.stopped) return;
    await this.start();
    // stop() came while starting: it found nothing to stop.
    if (this.stopped) await this.subscription.stop();
  }

  /** Resolves once this projection has processed the event at `position` (read-your-writes). */
  waitFor(position: string, timeout_ms = 5000): Promise<void> {
    return this.subscription.waitFor(position, timeout_ms);
  }

  /**
   * Applies a batch in memory: each document is read once, evolved through every event of the
   * batch that concerns it, and written once at the end (or before an erasure, which deletes by
   * owner in the store). Store errors propagate (the subscription drops and resumes from the
   * checkpoint); bad events are recorded and skipped.
   */
  private async handle(batch: readonly RecordedEvent[], context: BatchContext<'applied'>): Promise<void> {
    const collection = this.readStore.collection<Working>(this.projection.collection);
    const working = new Map<string, Working | null>();
    const changed = new Set<string>();
    const load = async (id: string) => {
      if (!working.has(id)) working.set(id, await collection.get(id));
      return working.get(id) ?? null;
    };
    const flush = async () => {
      for (const id of changed) await collection.upsert(working.get(id)!);
      changed.clear();
      working.clear();
    };

    for (const recorded of batch) {
      let event: DomainEnvelope;
      try {
        // The erasure's data (whose documents to delete) is read whatever the projection.
        event = this.projection.metadataOnly && recorded.type !== ERASURE ? deserializeMetadata(recorded) : await this.serializer.deserialize(recorded);
      } catch (error) {
        await context.skip(recorded, error);
        continue;
      }
      if (event.type === ERASURE) {
        // Idempotent: a replay deletes what the replayed earlier events brought back.
        await flush();
        await collection.deleteMany({ [this.projection.owner]: event.data.user_id });
        if (!this.projection.handles.includes(ERASURE)) {
          context.count('applied');
          continue;
        }
      }
      const id = this.projection.documentId(event);
      const current = await load(id);
      const applied = current?._applied ?? {};
      // A document of its own per event exists once the event was applied: no revisions to keep.
      if (this.projection.documentPerEvent ? current : (applied[event.stream_id] ?? -1) >= event.revision || current?._deleted) continue;

      let next;
      try {
        next = this.projection.evolve(current ? withoutBookkeeping(current) : null, event);
      } catch (error) {
        await context.skip(recorded, error);
        continue;
      }
      const bookkeeping = this.projection.documentPerEvent ? { _id: id } : { _id: id, _applied: { ...applied, [event.stream_id]: event.revision } };
      working.set(id, (next === null ? { ...bookkeeping, _deleted: true } : { ...next, ...bookkeeping }) as Working);
      changed.add(id);
      context.count('applied');
    }
    await flush();
  }
}
