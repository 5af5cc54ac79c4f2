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
import { EventIndex, EventLogInconsistentError } from './event-index';
import { loadIndex, saveIndex } from './index-file';
import { acquireLock } from './lock-file';
import { LogFile, Recovery } from './log-file';
import { formatPosition } from './position';
import { encodeRecord, LogRecord, parsePayload, readRecordHead, RECORD_HEADER_BYTES, RecordHead } from './record-codec';
import { RecordReader, toRecordedEvents } from './record-reader';
import { CatchUpSubscription } from './subscription';
import { checkAppend, checkCount, checkRevision } from './validation';

export class EventStoreClosedError extends EventStoreUnavailableError {
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosedError';
  }
}

export interface EmbeddedEventStoreOptions {
  /** Decoded events kept in memory for reads (recent appends and reads); the rest stay on disk. */
  cached_events?: number;
}

/** About 20-40 MB of decoded events: enough for projectors catching up side by side to share their reads. */
export const DEFAULT_CACHED_EVENTS = 16_384;

/**
 * A durable single-process event store: an append-only, checksummed log on local disk (see
 * docs/decisions/0003-embedded-event-store.md), indexed in memory, its events decoded on read.
 */
export class EmbeddedEventStore implements EventStore {
  /** Last revision of streams with appends decided but not yet durable. */
  private readonly pendingRevisions = new Map<string, number>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly commits = new CommitQueue((bytes) => this.log.append(bytes));
  private lastSequence: number;
  /** Where the next decided append will be written: appends are written in the order they are decided. */
  private nextOffset: number;
  private readonly reader: RecordReader;
  private closed = false;

  private constructor(
    readonly dir: string,
    /** What opening had to repair, for the caller to log. */
    readonly recovery: Recovery,
    private readonly index: EventIndex,
    private readonly log: LogFile,
    private readonly releaseLock: () => Promise<void>,
    cached_events: number,
    /** How many events opening took from the index saved at the last clean close (the rest it scanned). */
    readonly saved_index_events: number,
  ) {
    this.lastSequence = index.length;
    this.nextOffset = log.end;
    this.reader = new RecordReader(index, log, cached_events);
  }

  static async open(dir: string, options: EmbeddedEventStoreOptions = {}): Promise<EmbeddedEventStore> {
    await mkdir(dir, { recursive: true });
    const releaseLock = await acquireLock(dir);
    try {
      const { index, log, recovery, saved_events } = await openIndexed(dir);
      return new EmbeddedEventStore(dir, recovery, index, log, releaseLock, options.cached_events ?? DEFAULT_CACHED_EVENTS, saved_events);
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
    // The cache holds exactly what a read of the log will produce.
    const record = JSON.parse(bytes.toString('utf8', RECORD_HEADER_BYTES)) as LogRecord;
    const last_revision = current + events.length;
    this.lastSequence += events.length;
    this.pendingRevisions.set(stream_id, last_revision);
    const span = { offset: this.nextOffset, length: bytes.length };
    this.nextOffset += bytes.length;

    await this.commits.enqueue(bytes, () => {
      this.reader.remember(this.index.records, toRecordedEvents(record));
      this.index.add(record, record.events.length, span, record.events.map((event) => event.type));
      if (this.pendingRevisions.get(stream_id) === last_revision) this.pendingRevisions.delete(stream_id);
    });
    return { next_expected_revision: last_revision, position: formatPosition(record.sequence + events.length - 1) };
  }

  async readStream(stream_id: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    checkRevision(options.from_revision, 'from_revision');
    checkCount(options.max_count);
    return this.reader.at(this.index.streamRange(stream_id, options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    checkCount(options.max_count);
    const from = this.index.indexAfter(options.after_position ?? '');
    return this.reader.range(from, Math.min(this.index.length, from + (options.max_count ?? Number.MAX_SAFE_INTEGER)));
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(this.index, (from, to) => this.reader.range(from, to), options, (ended) => this.subscriptions.delete(ended));
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

  /**
   * Waits for queued appends to be durable, stops subscriptions, saves the index for the next
   * open (index-file.ts; a failure only means the next open scans the log) and releases the lock.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.commits.drain();
    if (!this.commits.failed) await this.saveIndex().catch(() => undefined);
    await this.log.close();
    await this.releaseLock();
  }

  private async saveIndex(): Promise<void> {
    if (this.index.records === 0) return;
    const last = this.index.span(this.index.records - 1);
    await saveIndex(this.dir, this.index, await this.log.read(last.offset, RECORD_HEADER_BYTES), this.log.end);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.commits.failed) throw this.commits.failed;
  }
}

export function openEmbeddedEventStore(dir: string, options?: EmbeddedEventStoreOptions): Promise<EmbeddedEventStore> {
  return EmbeddedEventStore.open(dir, options);
}

/**
 * Opens the log and indexes it: the records a saved index covers from that index (written at
 * the last clean close, index-file.ts), every later record from its checksum and the front of
 * its payload (stream, revision, sequence), without parsing the events: a record's event count
 * is where the next record's sequence starts, and only the last record is parsed whole.
 */
async function openIndexed(dir: string): Promise<{ index: EventIndex; log: LogFile; recovery: Recovery; saved_events: number }> {
  const { index, from } = await loadIndex(dir);
  const saved_events = index.length;
  let held: { head: RecordHead; payload: Buffer; offset: number } | null = null;
  const visit = (payload: Buffer, offset: number): string | null => {
    let head = readRecordHead(payload);
    if (!head) {
      const record = parsePayload(payload);
      if (!record) return 'payload is not JSON';
      head = record;
    }
    if (held) index.add(held.head, head.sequence - held.head.sequence, { offset: held.offset, length: offset - held.offset });
    held = { head, payload, offset };
    return null;
  };
  const { log, recovery } = await LogFile.scan(dir, visit, from);
  try {
    const last = held as { head: RecordHead; payload: Buffer; offset: number } | null;
    if (last) {
      const record = parsePayload(last.payload);
      if (!record || !Array.isArray(record.events)) throw new EventLogInconsistentError(`the last record (byte ${last.offset}) passes its checksum but is not a record`);
      index.add(last.head, record.events.length, { offset: last.offset, length: log.end - last.offset }, record.events.map((event) => String(event.type)));
    }
  } catch (error) {
    await log.close();
    throw error;
  }
  return { index, log, recovery, saved_events };
}

function matches(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  return expected === current;
}
