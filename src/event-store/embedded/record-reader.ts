import { RecordedEvent } from '../port';
import { EventIndex, EventLogInconsistentError } from './event-index';
import { LogFile } from './log-file';
import { formatPosition } from './position';
import { LogRecord, parsePayload, scanRecordAt } from './record-codec';

/** Raised by a read when a record's bytes no longer pass their checksum (the disk changed since it was written). */
export class EventLogCorruptError extends Error {
  constructor(offset: number, reason: string) {
    super(`The event log is corrupt at byte ${offset}: ${reason}`);
    this.name = 'EventLogCorruptError';
  }
}

/** One file read covers consecutive records up to this many bytes. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/**
 * Decodes records from the log on demand and keeps the most recently used ones (and every new
 * append, until it ages out) up to `capacity` events. Catch-up subscriptions read in aligned
 * batches, so projectors catching up side by side decode each record once; a record being read
 * is not read twice.
 */
export class RecordReader {
  /**
   * Two generations instead of a strict LRU (a Map whose oldest entries are deleted one by one
   * slows down to a crawl): records enter `recent`; when it holds half the capacity it becomes
   * `older` and the previous `older` is dropped; a hit in `older` moves the record back to `recent`.
   */
  private recent = new Map<number, readonly RecordedEvent[]>();
  private older = new Map<number, readonly RecordedEvent[]>();
  private recentEvents = 0;
  private readonly loading = new Map<number, Promise<readonly RecordedEvent[]>>();

  constructor(
    private readonly index: EventIndex,
    private readonly log: LogFile,
    private readonly capacity: number,
  ) {}

  /** Keeps a record's events, decoded from its own bytes at append. */
  remember(record: number, events: readonly RecordedEvent[]): void {
    if (this.recent.has(record)) return;
    this.older.delete(record);
    this.recent.set(record, events);
    this.recentEvents += events.length;
    if (this.recentEvents >= this.capacity / 2) {
      this.older = this.recent;
      this.recent = new Map();
      this.recentEvents = 0;
    }
  }

  private cached(record: number): readonly RecordedEvent[] | undefined {
    const recent = this.recent.get(record);
    if (recent) return recent;
    const older = this.older.get(record);
    if (older) this.remember(record, older);
    return older;
  }

  /** Events with global indexes `[from, to)`, in order. */
  async range(from: number, to: number): Promise<RecordedEvent[]> {
    if (from >= to) return [];
    const first = this.index.recordOf(from);
    const last = this.index.recordOf(to - 1);
    const records: number[] = [];
    for (let record = first; record <= last; record++) records.push(record);
    const loaded = await this.load(records);
    const events: RecordedEvent[] = [];
    for (const list of loaded) for (const event of list) events.push(event);
    const skip = from - this.index.firstIndex(first);
    return events.slice(skip, skip + (to - from));
  }

  /** Events at the given global indexes, in the order given. */
  async at(indexes: readonly number[]): Promise<RecordedEvent[]> {
    // Commands read their stream before every append: answered from the cache without promises when it can.
    const events = new Array<RecordedEvent>(indexes.length);
    const missing: number[] = [];
    for (let k = 0; k < indexes.length; k++) {
      const record = this.index.recordOf(indexes[k]!);
      const cached = this.cached(record);
      if (cached) events[k] = cached[indexes[k]! - this.index.firstIndex(record)]!;
      else missing.push(k);
    }
    if (missing.length === 0) return events;
    const records = [...new Set(missing.map((k) => this.index.recordOf(indexes[k]!)))].sort((a, b) => a - b);
    const loaded = await this.load(records);
    const byRecord = new Map(records.map((record, i) => [record, loaded[i]!]));
    for (const k of missing) {
      const record = this.index.recordOf(indexes[k]!);
      events[k] = byRecord.get(record)![indexes[k]! - this.index.firstIndex(record)]!;
    }
    return events;
  }

  /** Every record asked for (ascending), from the cache, a read under way, or new reads of consecutive runs. */
  private async load(records: readonly number[]): Promise<(readonly RecordedEvent[])[]> {
    const results: (readonly RecordedEvent[] | Promise<readonly RecordedEvent[]>)[] = [];
    let run: number[] = [];
    let runBytes = 0;
    const slots = new Map<number, number>();
    const startRun = () => {
      if (run.length === 0) return;
      const batch = run;
      run = [];
      runBytes = 0;
      const reading = this.readRun(batch);
      batch.forEach((record, i) => {
        const one = reading.then((lists) => lists[i]!);
        this.loading.set(record, one);
        results[slots.get(record)!] = one;
      });
      const forget = () => batch.forEach((record) => this.loading.delete(record));
      reading.then(forget, forget);
    };
    records.forEach((record, slot) => {
      const cached = this.cached(record);
      if (cached) {
        results[slot] = cached;
        return;
      }
      const pending = this.loading.get(record);
      if (pending) {
        results[slot] = pending;
        return;
      }
      const { length } = this.index.span(record);
      const previous = run.at(-1);
      if (previous !== undefined && (previous !== record - 1 || runBytes + length > MAX_READ_BYTES)) startRun();
      slots.set(record, slot);
      run.push(record);
      runBytes += length;
    });
    startRun();
    return Promise.all(results);
  }

  /** One read of consecutive records, each checked against its checksum and the index, then decoded. */
  private async readRun(records: readonly number[]): Promise<(readonly RecordedEvent[])[]> {
    const start = this.index.span(records[0]!).offset;
    const lastSpan = this.index.span(records[records.length - 1]!);
    const bytes = await this.log.read(start, lastSpan.offset + lastSpan.length - start);
    return records.map((record) => {
      const { offset } = this.index.span(record);
      const scanned = scanRecordAt(bytes, offset - start);
      if (scanned.kind !== 'record') throw new EventLogCorruptError(offset, scanned.kind === 'corrupt' ? scanned.reason : 'record cut short');
      const decoded = parsePayload(scanned.payload);
      if (!decoded) throw new EventLogCorruptError(offset, 'payload is not JSON');
      const expected = this.index.expected(record);
      if (decoded.stream_id !== expected.stream_id || decoded.revision !== expected.revision || decoded.sequence !== expected.sequence || decoded.events?.length !== expected.count) {
        throw new EventLogInconsistentError(`the record at byte ${offset} does not hold ${expected.stream_id}@${expected.revision} (sequence ${expected.sequence}, ${expected.count} events)`);
      }
      this.index.checkTypes(record, decoded.events.map((event) => String(event.type)));
      const events = toRecordedEvents(decoded);
      this.remember(record, events);
      return events;
    });
  }
}

export function toRecordedEvents(record: LogRecord): RecordedEvent[] {
  return record.events.map((event, i) =>
    deepFreeze({
      event_id: event.event_id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      stream_id: record.stream_id,
      revision: record.revision + i,
      position: formatPosition(record.sequence + i),
      recorded_at: record.recorded_at,
    }),
  );
}

/**
 * Decoded events are shared by every reader, so nobody may change them. Loops without
 * `Object.values` (an array per object): freezing took twice as long with it, and it runs on
 * every object of every event a catch-up reads.
 */
function deepFreeze<T extends object>(value: T): T {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeChild(value[i]);
  } else {
    for (const key in value) freezeChild(value[key]);
  }
  return value;
}

function freezeChild(child: unknown): void {
  if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
}
