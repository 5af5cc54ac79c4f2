import {
  AllStreamResolvedEvent,
  BACKWARDS,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  ReadPosition,
  START,
  StreamingRead,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
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
} from '../port';
import { isUserEvent, toEsdbRevision, toJsonEvent, toRecordedEvent, toWrongExpectedRevision } from './mapping';
import { decodePosition, encodePosition } from './position';
import { EsdbCatchUpSubscription } from './subscription';

/** `$all` is read in pages of this many records (system events included, then skipped). */
const PAGE_SIZE = 256;
/** The client's own default deadline, which it applies to appends but not to reads. */
const DEFAULT_DEADLINE_MS = 10_000;

export interface EventStoreDbOptions {
  /**
   * Longest a read (a stream, a page of `$all`, a ping) may take. The client gives reads no gRPC
   * deadline, so a server that holds the connection open without answering would hang them.
   * Defaults to the connection string's `defaultDeadline`, else 10 s (the client's default).
   */
  read_deadline_ms?: number;
}

/** The event store port over EventStoreDB (gRPC client). `$all` reads leave out system events. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbCatchUpSubscription>();
  private readonly readDeadlineMs: number;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
  ) {
    this.readDeadlineMs = options.read_deadline_ms ?? DEFAULT_DEADLINE_MS;
  }

  /** The client connects lazily and reconnects by itself; `ping()` checks the server is reachable. */
  static async connect(connection_string: string, options: EventStoreDbOptions = {}): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(connection_string);
    return new EventStoreDbEventStore(client, { read_deadline_ms: options.read_deadline_ms ?? defaultDeadline(connection_string) });
  }

  async appendToStream(stream_id: string, events: EventData[], expected_revision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('appendToStream needs at least one event');
    try {
      const result = await this.client.appendToStream(stream_id, events.map(toJsonEvent), {
        expectedRevision: toEsdbRevision(expected_revision),
      });
      const next_expected_revision = Number(result.nextExpectedRevision);
      const position = result.position ? encodePosition(result.position) : await this.positionOf(stream_id, next_expected_revision);
      return { next_expected_revision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw toWrongExpectedRevision(stream_id, expected_revision, error);
      throw asCommandError(error);
    }
  }

  async readStream(stream_id: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.max_count === 0) return [];
    const backwards = options.direction === 'backwards';
    try {
      const read = this.client.readStream(stream_id, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.from_revision !== undefined ? BigInt(options.from_revision) : backwards ? END : START,
        ...(options.max_count !== undefined && { maxCount: options.max_count }),
      });
      return (await this.collect(read)).map(toRecordedEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw asCommandError(error);
    }
  }

  /** Pages forwards from `after_position` (ESDB reads it inclusively, so it is skipped). */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const max = options.max_count ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    let after = options.after_position ?? '';
    while (events.length < max) {
      const page = await this.readAllPage(FORWARDS, after ? decodePosition(after) : START);
      let progressed = false;
      for (const resolved of page) {
        const position = positionOf(resolved);
        if (position <= after) continue;
        after = position;
        progressed = true;
        if (isUserEvent(resolved)) events.push(toRecordedEvent(resolved));
        if (events.length === max) break;
      }
      if (page.length < PAGE_SIZE || !progressed) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = new EsdbCatchUpSubscription(this.client, options, () => this.headPosition(), (ended) =>
      this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Pages backwards from the end until the first event that is not a system event. */
  async headPosition(): Promise<string> {
    let before: string | null = null;
    for (;;) {
      const page = await this.readAllPage(BACKWARDS, before ? decodePosition(before) : END);
      let progressed = false;
      for (const resolved of page) {
        const position = positionOf(resolved);
        if (before !== null && position >= before) continue;
        if (isUserEvent(resolved)) return position;
        before = position;
        progressed = true;
      }
      if (page.length < PAGE_SIZE || !progressed) return '';
    }
  }

  async ping(): Promise<void> {
    await this.readAllPage(BACKWARDS, END, 1);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private readAllPage(direction: typeof FORWARDS | typeof BACKWARDS, fromPosition: ReadPosition, maxCount = PAGE_SIZE) {
    return this.collect(this.client.readAll({ direction, fromPosition, maxCount }));
  }

  /** Reads to the end within the read deadline; past it the call is cancelled and the read fails. */
  private async collect<E>(read: StreamingRead<E>): Promise<E[]> {
    const items: E[] = [];
    const timer = setTimeout(() => {
      read.cancel().catch(() => undefined);
      read.destroy(new DeadlineExceededError(undefined, `EventStoreDB did not complete a read within ${this.readDeadlineMs} ms`));
    }, this.readDeadlineMs);
    try {
      for await (const item of read) items.push(item as E);
    } catch (error) {
      throw asCommandError(error);
    } finally {
      clearTimeout(timer);
    }
    return items;
  }

  /** For servers that do not return the position of an append. */
  private async positionOf(stream_id: string, revision: number): Promise<string> {
    const [event] = await this.readStream(stream_id, { from_revision: revision, max_count: 1 });
    return event?.position ?? '';
  }
}

/**
 * The client passes some gRPC failures on raw (e.g. UNAVAILABLE while connecting): give them its
 * error types, and report an unreachable or unresponsive server as EventStoreUnavailableError.
 */
function asCommandError(error: unknown): unknown {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  if (converted instanceof UnavailableError || converted instanceof DeadlineExceededError || converted instanceof CancelledError || converted instanceof TimeoutError) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${converted.message}`, converted);
  }
  return converted;
}

/** `defaultDeadline` (ms) from an `esdb://` connection string, if it sets one. */
function defaultDeadline(connection_string: string): number | undefined {
  const match = /[?&]defaultDeadline=(\d+)/i.exec(connection_string);
  return match ? Number(match[1]) : undefined;
}

function positionOf(resolved: AllStreamResolvedEvent): string {
  return resolved.event ? encodePosition(resolved.event.position) : '';
}
