import { EventStore, RecordedEvent } from '../event-store/port';
import { DomainEnvelope } from '../../contracts/events';
import { EventSerializer, plainSerializer } from '../event-store/serializer';
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
}

const BACKOFF = { initial_ms: 100, max_ms: 10_000 };

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

  constructor(
    private readonly projection: Projection<ProjectedDoc>,
    events: EventStore,
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
      accepts: (event) => event.type === ERASURE || projection.handles.includes(event.type),
      handle: async ([event], context) => this.handle(event, context),
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
    return { name: this.projection.name, state, checkpoint, events_applied: counts.applied, events_failed: events_skipped, last_error };
  }

  async start(): Promise<void> {
    const collection = this.readStore.collection(this.projection.collection);
    for (const index of this.projection.indexes ?? []) await collection.ensureIndex(index.fields, { unique: index.unique });
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
  }

  /** Resolves once this projection has processed the event at `position` (read-your-writes). */
  waitFor(position: string, timeout_ms = 5000): Promise<void> {
    return this.subscription.waitFor(position, timeout_ms);
  }

  /** Store errors propagate (the subscription drops and resumes); bad events are recorded and skipped. */
  private async handle(recorded: RecordedEvent, context: BatchContext<'applied'>): Promise<void> {
    let event: DomainEnvelope;
    try {
      event = await this.serializer.deserialize(recorded);
    } catch (error) {
      return context.skip(recorded, error);
    }

    const collection = this.readStore.collection<Doc & ProjectedDoc>(this.projection.collection);
    if (event.type === ERASURE) {
      // Idempotent: a replay deletes what the replayed earlier events brought back.
      await collection.deleteMany({ [this.projection.owner]: event.data.user_id });
      if (!this.projection.handles.includes(ERASURE)) return context.count('applied');
    }
    const id = this.projection.documentId(event);
    const current = await collection.get(id);
    const applied = current?._applied ?? {};
    if ((applied[event.stream_id] ?? -1) >= event.revision || current?._deleted) return;

    let next;
    try {
      next = this.projection.evolve(current ? withoutBookkeeping(current) : null, event);
    } catch (error) {
      return context.skip(recorded, error);
    }
    const bookkeeping = { _id: id, _applied: { ...applied, [event.stream_id]: event.revision } };
    await collection.upsert(next === null ? { ...bookkeeping, _deleted: true } : { ...next, ...bookkeeping });
    context.count('applied');
  }
}
