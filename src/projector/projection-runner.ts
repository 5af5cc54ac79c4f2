import { EventStore, RecordedEvent, Subscription } from '../event-store/port';
import { DomainEnvelope } from '../../contracts/events';
import { deserializeEvent } from '../event-store/serializer';
import { Doc, ReadStore } from '../read-store/port';
import { Logger } from '../shared/logger';
import { PositionTracker } from '../shared/position-tracker';
import { recordSkippedEvent } from '../shared/skipped-events';
import { CheckpointStore } from '../read-store/checkpoints';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc } from '../../contracts/shared/read-model';

export const FAILURES_COLLECTION = 'projection_failures';

export interface ProjectorStatus {
  name: string;
  state: 'starting' | 'catching_up' | 'live' | 'reconnecting' | 'stopped';
  checkpoint: string;
  events_applied: number;
  events_failed: number;
  last_error: string | null;
}

const BACKOFF_MS = { initial: 100, max: 10_000 };

/**
 * Runs one projection: a catch-up subscription from its stored checkpoint that applies each
 * event idempotently, saves a checkpoint that never moves backwards, skips (and records) bad
 * events, and resubscribes with backoff when the subscription drops.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private readonly tracker: PositionTracker;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoff = BACKOFF_MS.initial;
  private readonly status: ProjectorStatus;

  constructor(
    private readonly projection: Projection<ProjectedDoc>,
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly logger: Logger,
  ) {
    this.status = { name: projection.name, state: 'starting', checkpoint: '', events_applied: 0, events_failed: 0, last_error: null };
    this.tracker = new PositionTracker(`Projection ${projection.name}`);
  }

  get name(): string {
    return this.projection.name;
  }

  snapshot(): ProjectorStatus {
    return { ...this.status, checkpoint: this.tracker.current };
  }

  async start(): Promise<void> {
    const collection = this.readStore.collection(this.projection.collection);
    for (const index of this.projection.indexes ?? []) await collection.ensureIndex(index.fields, { unique: index.unique });
    this.tracker.advance(await new CheckpointStore(this.readStore).load(this.projection.name));
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.status.state = 'stopped';
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    this.subscription = null;
  }

  /** Resolves once this projection has processed the event at `position` (read-your-writes). */
  waitFor(position: string, timeout_ms = 5000): Promise<void> {
    return this.tracker.waitFor(position, timeout_ms);
  }

  private subscribe(): void {
    if (this.status.state === 'stopped') return;
    this.status.state = 'catching_up';
    this.subscription = this.events.subscribeToAll({
      after_position: this.tracker.current,
      on_event: (event) => this.handle(event),
      on_live: () => {
        this.status.state = 'live';
        this.backoff = BACKOFF_MS.initial;
      },
      on_drop: (error) => this.resubscribeLater(error),
    });
  }

  private resubscribeLater(error: Error): void {
    if (this.status.state === 'stopped') return;
    this.status.state = 'reconnecting';
    this.status.last_error = error.message;
    this.logger.warn({ projection: this.projection.name, err: error.message, retry_in_ms: this.backoff }, 'projection subscription dropped');
    this.retryTimer = setTimeout(() => this.subscribe(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MS.max);
  }

  /** Store errors propagate (the subscription drops and resumes); bad events are recorded and skipped. */
  private async handle(recorded: RecordedEvent): Promise<void> {
    if (this.projection.handles.includes(recorded.type)) {
      let event: DomainEnvelope | null = null;
      try {
        event = deserializeEvent(recorded);
      } catch (error) {
        await this.recordFailure(recorded, error as Error);
      }
      if (event) await this.apply(event);
    }
    await this.advance(recorded.position, this.projection.handles.includes(recorded.type));
  }

  private async apply(event: DomainEnvelope): Promise<void> {
    const collection = this.readStore.collection<Doc & ProjectedDoc>(this.projection.collection);
    const id = this.projection.documentId(event);
    const current = await collection.get(id);
    const applied = current?._applied ?? {};
    if ((applied[event.stream_id] ?? -1) >= event.revision || current?._deleted) return;

    let next;
    try {
      next = this.projection.evolve(current ? withoutBookkeeping(current) : null, event);
    } catch (error) {
      await this.recordFailure(event, error as Error);
      return;
    }
    const bookkeeping = { _id: id, _applied: { ...applied, [event.stream_id]: event.revision } };
    await collection.upsert(next === null ? { ...bookkeeping, _deleted: true } : { ...next, ...bookkeeping });
    this.status.events_applied++;
  }

  private async advance(position: string, persist: boolean): Promise<void> {
    if (position <= this.tracker.current) return;
    if (persist || this.status.state === 'live') await new CheckpointStore(this.readStore).save(this.projection.name, position);
    this.tracker.advance(position);
  }

  private async recordFailure(event: Pick<RecordedEvent, 'event_id' | 'type' | 'stream_id' | 'revision' | 'position'>, error: Error) {
    this.status.events_failed++;
    this.status.last_error = error.message;
    this.logger.error(
      { projection: this.projection.name, event_id: event.event_id, event_type: event.type, stream_id: event.stream_id, err: error.message },
      'projection skipped a bad event',
    );
    const record = { _id: `${this.projection.name}:${event.event_id}`, projection: this.projection.name };
    await recordSkippedEvent(this.readStore, FAILURES_COLLECTION, record, event, error);
  }
}

function withoutBookkeeping<D extends ProjectedDoc>(doc: D) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _id, _applied, _deleted, ...rest } = doc;
  return rest;
}
