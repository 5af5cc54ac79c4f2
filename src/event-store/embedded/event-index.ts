import { RecordedEvent, ReadStreamOptions } from '../port';
import { formatPosition } from './position';
import { LogRecord } from './record-codec';

/** Raised on open when a checksummed record does not follow its predecessor: a bug, not a torn write. */
export class EventLogInconsistentError extends Error {
  constructor(reason: string) {
    super(`The event log is inconsistent: ${reason}`);
    this.name = 'EventLogInconsistentError';
  }
}

/** The durable events in memory: the global list (index i holds sequence i + 1) and one list per stream. */
export class EventIndex {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly listeners = new Set<() => void>();

  get length(): number {
    return this.all.length;
  }

  at(index: number): RecordedEvent {
    return this.all[index]!;
  }

  /** -1 when the stream does not exist. */
  lastRevision(stream_id: string): number {
    return (this.streams.get(stream_id)?.length ?? 0) - 1;
  }

  headPosition(): string {
    return this.all.at(-1)?.position ?? '';
  }

  add(record: LogRecord): void {
    const stream = this.streams.get(record.stream_id) ?? [];
    if (record.revision !== stream.length || record.sequence !== this.all.length + 1) {
      throw new EventLogInconsistentError(
        `${record.stream_id}@${record.revision} (sequence ${record.sequence}) follows revision ${stream.length - 1}, sequence ${this.all.length}`,
      );
    }
    const events = toRecordedEvents(record);
    this.streams.set(record.stream_id, stream);
    for (const event of events) {
      stream.push(event);
      this.all.push(event);
    }
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each add; returns the unsubscribe function. */
  onAdd(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readStream(stream_id: string, options: ReadStreamOptions): RecordedEvent[] {
    const stream = this.streams.get(stream_id) ?? [];
    const max = options.max_count ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = Math.min(options.from_revision ?? stream.length - 1, stream.length - 1);
      return stream.slice(Math.max(0, from - max + 1), from + 1).reverse();
    }
    const from = options.from_revision ?? 0;
    return stream.slice(from, from + max);
  }

  readAll(after_position: string, max_count: number): RecordedEvent[] {
    const from = this.indexAfter(after_position);
    return this.all.slice(from, from + max_count);
  }

  /** Index of the first event whose position sorts after `position`. */
  indexAfter(position: string): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.all[mid]!.position <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function toRecordedEvents(record: LogRecord): RecordedEvent[] {
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

/** Stored events are shared by every reader, so nobody may change them. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
