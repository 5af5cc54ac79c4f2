import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendResult,
  EventData,
  EventStore,
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

/** The event store port over EventStoreDB (gRPC client). `$all` reads leave out system events. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbCatchUpSubscription>();

  constructor(private readonly client: EventStoreDBClient) {}

  /** The client connects lazily and reconnects by itself; `ping()` checks the server is reachable. */
  static async connect(connection_string: string): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connection_string));
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
      throw error;
    }
  }

  async readStream(stream_id: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.max_count === 0) return [];
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream_id, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.from_revision !== undefined ? BigInt(options.from_revision) : backwards ? END : START,
        ...(options.max_count !== undefined && { maxCount: options.max_count }),
      });
      for await (const resolved of read) events.push(toRecordedEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
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

  private async readAllPage(direction: typeof FORWARDS | typeof BACKWARDS, fromPosition: ReadPosition, maxCount = PAGE_SIZE) {
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({ direction, fromPosition, maxCount })) page.push(resolved);
    return page;
  }

  /** For servers that do not return the position of an append. */
  private async positionOf(stream_id: string, revision: number): Promise<string> {
    const [event] = await this.readStream(stream_id, { from_revision: revision, max_count: 1 });
    return event?.position ?? '';
  }
}

function positionOf(resolved: AllStreamResolvedEvent): string {
  return resolved.event ? encodePosition(resolved.event.position) : '';
}
