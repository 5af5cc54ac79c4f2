import { mkdir } from 'node:fs/promises';
import { CommitQueue } from '../../../src/event-store/embedded/commit-queue';
import { acquireLock } from '../../../src/event-store/embedded/lock-file';
import { LogFile, Recovery } from '../../../src/event-store/embedded/log-file';
import { encodeRecord, LogRecord } from '../../../src/event-store/embedded/record-codec';

/**
 * The test server's storage: every event in memory, made durable in the embedded store's
 * append-only log (`events.log`: checksummed records, group-committed with fdatasync, a torn
 * tail cut on open), so the server survives SIGKILL like a real node survives a crash.
 *
 * Positions imitate EventStoreDB's: byte offsets into a transaction log, with gaps between
 * events, commit = prepare for every event (see docs/decisions/0007-eventstoredb-test-server.md).
 */

/** An event as proposed by a client: raw bytes, EventStoreDB does not look inside them. */
export interface ProposedEvent {
  /** Lower-case canonical UUID. */
  id: string;
  type: string;
  is_json: boolean;
  data: Buffer;
  custom_metadata: Buffer;
}

export interface StoredEvent extends ProposedEvent {
  readonly stream: string;
  readonly revision: number;
  /** Log position; an event's commit and prepare positions are both this. */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly created: bigint;
}

export type ExpectedRevision =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

export type AppendOutcome =
  | { kind: 'success'; revision: number; position: bigint | null }
  /** `current` is -1 when the stream does not exist. */
  | { kind: 'wrong_expected_version'; current: number };

/** One log record per append. */
interface AppendRecord {
  stream: string;
  /** Revision of the first event. */
  revision: number;
  created: string;
  /** Decimal positions, one per event. */
  positions: string[];
  events: { id: string; type: string; is_json: boolean; data: string; custom_metadata: string }[];
}

/** Rough size of an event's prepare record around its payload, so positions have realistic gaps. */
const RECORD_OVERHEAD = 120n;

export class EventLog {
  /** Every event in position order. */
  readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  /** Last revision of streams with appends decided but not yet durable. */
  private readonly pendingRevisions = new Map<string, number>();
  private readonly commits: CommitQueue;
  private readonly waiters = new Set<() => void>();
  private nextPosition = 0n;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly recovery: Recovery,
    private readonly log: LogFile,
    private readonly releaseLock: () => Promise<void>,
    records: AppendRecord[],
  ) {
    for (const record of records) this.index(record);
    this.commits = new CommitQueue((bytes) => this.log.append(bytes));
  }

  /** `initial_position`: where a fresh log's first event goes (a real node's first events sit past its epoch records). */
  static async open(dir: string, options: { initial_position?: bigint } = {}): Promise<EventLog> {
    await mkdir(dir, { recursive: true });
    const releaseLock = await acquireLock(dir);
    try {
      const records: AppendRecord[] = [];
      // The embedded log stores JSON records; ours have their own shape.
      const { log, recovery } = await LogFile.open(dir, (record) => records.push(record as unknown as AppendRecord));
      const eventLog = new EventLog(dir, recovery, log, releaseLock, records);
      if (eventLog.all.length === 0) eventLog.nextPosition = options.initial_position ?? 0n;
      return eventLog;
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }

  get isEmpty(): boolean {
    return this.all.length === 0 && this.pendingRevisions.size === 0;
  }

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Index in `all` of the first event at or after `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle]!.position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Decided synchronously, in call order, against durable and pending appends (so of five
   * racing writers with the same expected revision exactly one wins); resolves once durable.
   * A retry of an append that is already stored (same event ids at the expected place) succeeds
   * again without storing anything, as EventStoreDB's idempotent writes do.
   */
  async append(stream: string, expected: ExpectedRevision, events: ProposedEvent[]): Promise<AppendOutcome> {
    if (this.closed) throw new Error('The event log is closed');
    if (this.commits.failed) throw this.commits.failed;
    const current = this.pendingRevisions.get(stream) ?? this.lastRevision(stream);
    if (events.length === 0) {
      if (!matches(expected, current)) return { kind: 'wrong_expected_version', current };
      return { kind: 'success', revision: current, position: null };
    }
    const retried = this.idempotent(stream, expected, current, events);
    if (retried) return retried;
    if (!matches(expected, current)) return { kind: 'wrong_expected_version', current };

    const positions: bigint[] = [];
    for (const event of events) {
      positions.push(this.nextPosition);
      this.nextPosition += sizeOf({ stream, ...event });
    }
    const record: AppendRecord = {
      stream,
      revision: current + 1,
      created: (BigInt(Date.now()) * 10_000n + BigInt(Math.floor(Math.random() * 10_000))).toString(),
      positions: positions.map(String),
      events: events.map((event) => ({
        id: event.id,
        type: event.type,
        is_json: event.is_json,
        data: event.data.toString('base64'),
        custom_metadata: event.custom_metadata.toString('base64'),
      })),
    };
    const last_revision = current + events.length;
    this.pendingRevisions.set(stream, last_revision);
    await this.commits.enqueue(encodeRecord(record as unknown as LogRecord), () => {
      this.index(record);
      if (this.pendingRevisions.get(stream) === last_revision) this.pendingRevisions.delete(stream);
      for (const wake of [...this.waiters]) wake();
      this.waiters.clear();
    });
    return { kind: 'success', revision: last_revision, position: positions[positions.length - 1]! };
  }

  /** Resolves once `all` holds more than `length` events (or at once if it already does); `cancel` releases it. */
  waitBeyond(length: number): { promise: Promise<void>; cancel: () => void } {
    if (this.all.length > length) return { promise: Promise.resolve(), cancel: () => undefined };
    let wake: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      wake = resolve;
      this.waiters.add(resolve);
    });
    return { promise, cancel: () => (this.waiters.delete(wake), wake()) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    await this.commits.drain();
    await this.log.close();
    await this.releaseLock();
  }

  private lastRevision(stream: string): number {
    const events = this.streams.get(stream);
    return events ? events.length - 1 : -1;
  }

  /** EventStoreDB's idempotency check (its `CheckCommit`): the same ids already at the expected place. */
  private idempotent(stream: string, expected: ExpectedRevision, current: number, events: ProposedEvent[]): AppendOutcome | null {
    const stored = this.streams.get(stream) ?? [];
    let first: number;
    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      const after = expected.kind === 'no_stream' ? -1 : expected.revision;
      if (after >= current) return null;
      first = after + 1;
    } else {
      const known = this.byId.get(events[0]!.id);
      if (!known || known.stream !== stream) return null;
      first = known.revision;
    }
    const matched = events.every((event, i) => stored[first + i]?.id === event.id);
    if (!matched) {
      // A partial match is "corrupted idempotency", which EventStoreDB answers as a conflict.
      return expected.kind === 'any' || expected.kind === 'stream_exists' ? { kind: 'wrong_expected_version', current } : null;
    }
    const last = stored[first + events.length - 1]!;
    return { kind: 'success', revision: last.revision, position: last.position };
  }

  private index(record: AppendRecord): void {
    let events = this.streams.get(record.stream);
    if (!events) this.streams.set(record.stream, (events = []));
    record.events.forEach((event, i) => {
      const stored: StoredEvent = Object.freeze({
        stream: record.stream,
        revision: record.revision + i,
        position: BigInt(record.positions[i]!),
        created: BigInt(record.created),
        id: event.id,
        type: event.type,
        is_json: event.is_json,
        data: Buffer.from(event.data, 'base64'),
        custom_metadata: Buffer.from(event.custom_metadata, 'base64'),
      });
      events.push(stored);
      this.all.push(stored);
      this.byId.set(stored.id, stored);
      const end = stored.position + sizeOf(stored);
      if (end > this.nextPosition) this.nextPosition = end;
    });
  }
}

/** Bytes an event takes in the imitated log: payload plus a fixed record overhead. */
function sizeOf(event: { stream: string; type: string; data: Buffer; custom_metadata: Buffer }): bigint {
  return RECORD_OVERHEAD + BigInt(Buffer.byteLength(event.stream) + Buffer.byteLength(event.type) + event.data.length + event.custom_metadata.length);
}

function matches(expected: ExpectedRevision, current: number): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    case 'revision':
      return expected.revision === current;
  }
}
