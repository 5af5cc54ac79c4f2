import { DomainEvent } from '../../contracts/events';
import { EventStore, WrongExpectedRevisionError } from '../event-store/port';
import { EventSerializer, NewEventMetadata, plainSerializer } from '../event-store/serializer';
import { Decider } from './decider';
import { DomainError } from './errors';
import { KeyedMutex } from './keyed-mutex';

export interface CommandContext {
  correlation_id: string;
  causation_id?: string | null;
  /** The acting user id, or a system actor. */
  actor: string | null;
  now: string;
}

export interface HandleOptions {
  /** The stream version the client last saw (from If-Match); a different current version is a conflict. */
  expected_version?: number;
}

export interface CommandResult<State, Event> {
  state: State;
  events: Event[];
  /** Number of events in the stream after the command. */
  version: number;
  /** Position of the last appended event, or null when nothing was appended. */
  position: string | null;
}

/**
 * Everything the handler needs to know about one kind of aggregate. Every slice exports one;
 * routes and (next) policies build requests as plain data and hand them to `CommandHandler`.
 *
 * `prepare` is pure: it turns a request into the command to decide, enriched from the state the
 * handler has already loaded (a job's analysis is computed from the content in that state, so
 * the stream is read once). It returns null when the state already is what the request asks
 * for, so costly enrichment is skipped. Without `prepare` the request is the command.
 */
export interface Aggregate<Request, Command, Event, State> {
  decider: Decider<Command, Event, State>;
  streamOf(request: Request): string;
  prepare?(request: Request, state: State): Command | null;
}

type Folding<E, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

const MAX_ATTEMPTS = 3;
const CACHE_ENTRIES = 10_000;

/**
 * The only write path: load the stream, fold, prepare, decide, append with the expected
 * revision. Commands on one stream are queued within a process; a conflict with another
 * process re-runs the decision on the newer state (unless the client pinned a version).
 *
 * Folded states are cached by stream, so only the events after the cached version are read
 * and parsed: a command costs the same on a long stream as on a short one. A write by another
 * process shows up as new events, or as a conflict on append, which evicts.
 */
export class CommandHandler {
  private readonly cache = new Map<string, { state: unknown; version: number }>();
  private readonly locks = new KeyedMutex();

  constructor(
    readonly store: EventStore,
    readonly serializer: EventSerializer = plainSerializer,
  ) {}

  handle<R, C, E extends DomainEvent, S>(
    aggregate: Aggregate<R, C, E, S>,
    request: R,
    context: CommandContext,
    options: HandleOptions = {},
  ): Promise<CommandResult<S, E>> {
    const stream_id = aggregate.streamOf(request);
    return this.locks.run(stream_id, () => this.decideAndAppend(aggregate, stream_id, request, context, options));
  }

  /** Folds a stream into its current state; `version` is the number of events in it. */
  async load<E extends DomainEvent, S>(decider: Folding<E, S>, stream_id: string): Promise<{ state: S; version: number }> {
    const cached = this.cache.get(stream_id) as { state: S; version: number } | undefined;
    const from = cached?.version ?? 0;
    const recorded = await this.store.readStream(stream_id, from > 0 ? { from_revision: from } : undefined);
    const decoded = await Promise.all(recorded.map((e) => this.serializer.deserialize(e)));
    const newer = decoded.map(({ type, data }) => ({ type, data }) as E);
    const state = newer.reduce(decider.evolve, cached?.state ?? decider.initialState);
    const version = from + newer.length;
    if (newer.length > 0) this.remember(stream_id, state, version);
    return { state, version };
  }

  private async decideAndAppend<R, C, E extends DomainEvent, S>(
    aggregate: Aggregate<R, C, E, S>,
    stream_id: string,
    request: R,
    context: CommandContext,
    options: HandleOptions,
  ): Promise<CommandResult<S, E>> {
    const { decider } = aggregate;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { state, version } = await this.load(decider, stream_id);
      if (options.expected_version !== undefined && options.expected_version !== version) {
        throw versionMismatch(options.expected_version, version);
      }
      const command = aggregate.prepare ? aggregate.prepare(request, state) : (request as unknown as C);
      const events = command === null ? [] : decider.decide(command, state);
      if (events.length === 0) return { state, events, version, position: null };

      const metadata: NewEventMetadata = {
        correlation_id: context.correlation_id,
        causation_id: context.causation_id ?? null,
        actor: context.actor,
        occurred_at: context.now,
      };
      try {
        const result = await this.store.appendToStream(
          stream_id,
          await Promise.all(events.map((event) => this.serializer.serialize(event, metadata))),
          version === 0 ? 'no_stream' : version - 1,
        );
        const next = events.reduce(decider.evolve, state);
        this.remember(stream_id, next, result.next_expected_revision + 1);
        return { state: next, events, version: result.next_expected_revision + 1, position: result.position };
      } catch (error) {
        this.cache.delete(stream_id);
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (options.expected_version !== undefined) throw versionMismatch(options.expected_version, -1);
      }
    }
    throw new DomainError('CONCURRENCY.CONFLICT', `Too many concurrent writes to ${stream_id}; try again`);
  }

  /** Drops the folded states of these streams (after an erasure, so no decrypted state stays in memory). */
  forget(stream_ids: Iterable<string>): void {
    for (const stream_id of stream_ids) this.cache.delete(stream_id);
  }

  private remember(stream_id: string, state: unknown, version: number): void {
    this.cache.delete(stream_id);
    this.cache.set(stream_id, { state, version });
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function versionMismatch(expected: number, actual: number): DomainError {
  const detail = actual >= 0 ? `; current version is ${actual}` : '';
  return new DomainError('CONCURRENCY.VERSION_MISMATCH', `Version ${expected} is no longer current${detail}`);
}
