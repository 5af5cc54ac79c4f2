import { EventTypes } from './event-types';
import { formatPosition } from './position';
import { RecordHead } from './record-codec';

/** Raised when a checksummed record does not follow its predecessor: a bug, not a torn write. */
export class EventLogInconsistentError extends Error {
  constructor(reason: string) {
    super(`The event log is inconsistent: ${reason}`);
    this.name = 'EventLogInconsistentError';
  }
}

/** A stream's events by revision: `sequences[r]` is the global sequence of revision r. */
interface StreamEntry {
  readonly id: string;
  readonly sequences: number[];
}

/** The records of an index, column by column, as index-file.ts saves them. */
export interface SavedRecords {
  /** Stream ids, each once. */
  streams: string[];
  /** Per record: its length in the log (header included), its stream (position in `streams`), its event count. */
  lengths: Uint32Array;
  streamOrdinals: Uint32Array;
  counts: Uint32Array;
  /** Event types, each once. */
  types: string[];
  /** Per event: its type (position in `types`), or UNKNOWN_TYPE (event-types.ts). */
  eventTypes: Uint32Array;
}

/** Where a record's bytes are in the log (header included). */
export interface RecordSpan {
  offset: number;
  length: number;
}

/**
 * Where every durable event is, not the events themselves (ADR 0003): per record its file
 * span, stream, first revision and first sequence; per event (global index i holds sequence
 * i + 1) its record and type; per stream the sequence of each revision. About 50 bytes per event;
 * the payloads stay on disk and are decoded on read (record-reader.ts).
 */
export class EventIndex {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly firstSequences: number[] = [];
  private readonly firstRevisions: number[] = [];
  private readonly recordStreams: StreamEntry[] = [];
  /** Global index of an event → its record number. */
  private readonly eventRecords: number[] = [];
  private readonly types = new EventTypes();
  private readonly streams = new Map<string, StreamEntry>();
  private readonly listeners = new Set<() => void>();

  /** Number of events. */
  get length(): number {
    return this.eventRecords.length;
  }

  get records(): number {
    return this.offsets.length;
  }

  /** -1 when the stream does not exist. */
  lastRevision(stream_id: string): number {
    return (this.streams.get(stream_id)?.sequences.length ?? 0) - 1;
  }

  headPosition(): string {
    return this.length === 0 ? '' : formatPosition(this.length);
  }

  /**
   * Adds a record of `count` events after checking it follows its stream and the log; returns its
   * record number. `types` are its events' types when known (an append, a saved index).
   */
  add(head: RecordHead, count: number, span: RecordSpan, types?: readonly string[]): number {
    const stream = this.streams.get(head.stream_id) ?? { id: head.stream_id, sequences: [] };
    if (count < 1 || head.revision !== stream.sequences.length || head.sequence !== this.length + 1) {
      throw new EventLogInconsistentError(
        `${head.stream_id}@${head.revision} (sequence ${head.sequence}, ${count} events) follows revision ${stream.sequences.length - 1}, sequence ${this.length}`,
      );
    }
    this.streams.set(head.stream_id, stream);
    const record = this.offsets.length;
    this.offsets.push(span.offset);
    this.lengths.push(span.length);
    this.firstSequences.push(head.sequence);
    this.firstRevisions.push(head.revision);
    this.recordStreams.push(stream);
    for (let i = 0; i < count; i++) {
      stream.sequences.push(head.sequence + i);
      this.eventRecords.push(record);
    }
    this.types.push(count, types);
    for (const listener of this.listeners) listener();
    return record;
  }

  /**
   * Checks the types of a record's events, as decoded, against those the index knows, and learns
   * the ones it did not (records checked at open): the next clean close saves them.
   */
  checkTypes(record: number, types: readonly string[]): void {
    const disagreement = this.types.learn(this.firstIndex(record), types);
    if (disagreement) throw new EventLogInconsistentError(`event ${disagreement.event + 1} is a ${disagreement.decoded} where the index has a ${disagreement.known}`);
  }

  /**
   * The first event in `[from, to)` that may be of one of `types` (its type is one of them or not
   * known), or `to`: the events before it can be passed over without reading them.
   */
  firstOfTypes(from: number, to: number, types: ReadonlySet<string>): number {
    return this.types.first(from, to, types, true);
  }

  /** The first event in `[from, to)` known to be of none of `types`, or `to`: the events before it are worth reading. */
  firstNotOfTypes(from: number, to: number, types: ReadonlySet<string>): number {
    return this.types.first(from, to, types, false);
  }

  /** The records, for index-file.ts to save. */
  saved(): SavedRecords {
    const ordinals = new Map<StreamEntry, number>();
    const streams: string[] = [];
    const records = this.offsets.length;
    const lengths = new Uint32Array(records);
    const streamOrdinals = new Uint32Array(records);
    const counts = new Uint32Array(records);
    for (let r = 0; r < records; r++) {
      const stream = this.recordStreams[r]!;
      let ordinal = ordinals.get(stream);
      if (ordinal === undefined) {
        ordinal = streams.push(stream.id) - 1;
        ordinals.set(stream, ordinal);
      }
      lengths[r] = this.lengths[r]!;
      streamOrdinals[r] = ordinal;
      counts[r] = (r + 1 < records ? this.firstSequences[r + 1]! : this.length + 1) - this.firstSequences[r]!;
    }
    return { streams, lengths, streamOrdinals, counts, ...this.types.saved() };
  }

  /**
   * The index of saved records lying end to end from byte `start` to byte `end` of the log; each
   * is checked as it is added (revisions and sequences follow on), so inconsistent records, or
   * records that do not end at `end`, throw.
   */
  static fromSaved(saved: SavedRecords, start: number, end: number): EventIndex {
    const index = new EventIndex();
    const revisions = new Map<string, number>();
    let offset = start;
    for (let r = 0; r < saved.lengths.length; r++) {
      const stream_id = saved.streams[saved.streamOrdinals[r]!];
      if (stream_id === undefined) throw new EventLogInconsistentError(`saved record ${r} names no stream`);
      const revision = revisions.get(stream_id) ?? 0;
      const count = saved.counts[r]!;
      index.add({ stream_id, revision, sequence: index.length + 1 }, count, { offset, length: saved.lengths[r]! });
      revisions.set(stream_id, revision + count);
      offset += saved.lengths[r]!;
    }
    if (offset !== end) throw new EventLogInconsistentError(`saved records end at byte ${offset}, not ${end}`);
    if (saved.eventTypes.length !== index.length) throw new EventLogInconsistentError(`saved types cover ${saved.eventTypes.length} events, not ${index.length}`);
    index.types.restore(saved.types, saved.eventTypes);
    return index;
  }

  /** Calls `listener` after each add; returns the unsubscribe function. */
  onAdd(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recordOf(eventIndex: number): number {
    return this.eventRecords[eventIndex]!;
  }

  /** Global index of the record's first event. */
  firstIndex(record: number): number {
    return this.firstSequences[record]! - 1;
  }

  span(record: number): RecordSpan {
    return { offset: this.offsets[record]!, length: this.lengths[record]! };
  }

  /** What the record must hold, to check it against its decoded payload. */
  expected(record: number): RecordHead & { count: number } {
    const next = record + 1 < this.offsets.length ? this.firstSequences[record + 1]! : this.length + 1;
    const sequence = this.firstSequences[record]!;
    return { stream_id: this.recordStreams[record]!.id, revision: this.firstRevisions[record]!, sequence, count: next - sequence };
  }

  /** Global indexes of a stream's events for a read, in the order the read returns them. */
  streamRange(stream_id: string, options: { direction?: 'forwards' | 'backwards'; from_revision?: number; max_count?: number }): number[] {
    const sequences = this.streams.get(stream_id)?.sequences ?? [];
    const max = options.max_count ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = Math.min(options.from_revision ?? sequences.length - 1, sequences.length - 1);
      return sequences.slice(Math.max(0, from - max + 1), from + 1).reverse().map((sequence) => sequence - 1);
    }
    const from = options.from_revision ?? 0;
    return sequences.slice(from, from + max).map((sequence) => sequence - 1);
  }

  /** Index of the first event whose position sorts after `position`. */
  indexAfter(position: string): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (formatPosition(mid + 1) <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
