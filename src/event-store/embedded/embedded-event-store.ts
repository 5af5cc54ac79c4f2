import { mkdir } from 'node:fs/promises';
import {
  AppendResult,
  EventData,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../port';
import { CommitQueue } from './commit-queue';
import { EventIndex } from './event-index';
import { acquireLock } from './lock-file';
import { LogFile, Recovery } from './log-file';
import { formatPosition } from './position';
import { encodeRecord, LogRecord, RECORD_HEADER_BYTES } from './record-codec';
import { CatchUpSubscription } from './subscription';
import { checkAppend, checkCount, checkRevision } from './validation';

export class EventStoreClosedError extends EventStoreUnavailableError {
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosedError';
  }
}

/**
 * A durable single-process event store: an append-only, checksummed log on local disk (see
 * docs/decisions/0003-embedded-event-store.md) with every event also kept in memory.
 */
export class EmbeddedEventStore implements EventStore {
  /** Last revision of streams with appends decided but not yet durable. */
  private readonly pendingRevisions = new Map<string, number>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly commits = new CommitQueue((bytes) => this.log.append(bytes));
  private lastSequence: number;
  private closed = false;

  private constructor(
    readonly dir: string,
    /** What opening had to repair, for the caller to log. */
    readonly recovery: Recovery,
    private readonly index: EventIndex,
    private readonly log: LogFile,
    private readonly releaseLock: () => Promise<void>,
  ) {
    this.lastSequence = index.length;
  }

  static async open(dir: string): Promise<EmbeddedEventStore> {
    await mkdir(dir, { recursive: true });
    const releaseLock = await acquireLock(dir);
    try {
      const index = new EventIndex();
      const { log, recovery } = await LogFile.open(dir, (record) => index.add(record));
      return new EmbeddedEventStore(dir, recovery, index, log, releaseLock);
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }

  /** Decided synchronously, in call order, against durable and pending appends alike. */
  async appendToStream(stream_id: string, events: EventData[], expected_revision: ExpectedRevision): Promise<AppendResult> {
    this.assertWritable();
    checkAppend(stream_id, events, expected_revision);
    const current = this.pendingRevisions.get(stream_id) ?? this.index.lastRevision(stream_id);
    if (!matches(expected_revision, current)) {
      throw new WrongExpectedRevisionError(stream_id, expected_revision, current < 0 ? 'no_stream' : current);
    }
    const bytes = encodeRecord({
      stream_id,
      revision: current + 1,
      sequence: this.lastSequence + 1,
      recorded_at: new Date().toISOString(),
      events: events.map(({ event_id, type, data, metadata }) => ({ event_id, type, data, metadata })),
    });
    // Memory holds exactly what a replay of the log will produce.
    const record = JSON.parse(bytes.toString('utf8', RECORD_HEADER_BYTES)) as LogRecord;
    const last_revision = current + events.length;
    this.lastSequence += events.length;
    this.pendingRevisions.set(stream_id, last_revision);

    await this.commits.enqueue(bytes, () => {
      this.index.add(record);
      if (this.pendingRevisions.get(stream_id) === last_revision) this.pendingRevisions.delete(stream_id);
    });
    return { next_expected_revision: last_revision, position: formatPosition(record.sequence + events.length - 1) };
  }

  async readStream(stream_id: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    checkRevision(options.from_revision, 'from_revision');
    checkCount(options.max_count);
    return this.index.readStream(stream_id, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    checkCount(options.max_count);
    return this.index.readAll(options.after_position ?? '', options.max_count ?? Number.MAX_SAFE_INTEGER);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(this.index, options, (ended) => this.subscriptions.delete(ended));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<string> {
    this.assertOpen();
    return this.index.headPosition();
  }

  async ping(): Promise<void> {
    this.assertWritable();
  }

  /** Waits for queued appends to be durable, stops subscriptions and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.commits.drain();
    await this.log.close();
    await this.releaseLock();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.commits.failed) throw this.commits.failed;
  }
}

export function openEmbeddedEventStore(dir: string): Promise<EmbeddedEventStore> {
  return EmbeddedEventStore.open(dir);
}

function matches(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  return expected === current;
}
