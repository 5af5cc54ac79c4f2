import { DomainEvent } from '../../contracts/events';
import { EventStore, WrongExpectedRevisionError } from '../event-store/port';
import { deserializeEvent, NewEventMetadata, serializeEvent } from '../event-store/serializer';
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

const MAX_ATTEMPTS = 3;

/**
 * Folded states by event store and stream. Only the events after the cached version are read
 * and parsed, so a command costs the same on a long stream as on a short one; a write by
 * another process shows up as new events (or as a conflict on append, which evicts).
 */
const cache = new WeakMap<EventStore, Map<string, { state: unknown; version: number }>>();
const CACHE_ENTRIES = 10_000;

function cacheOf(store: EventStore) {
  let streams = cache.get(store);
  if (!streams) cache.set(store, (streams = new Map()));
  return streams;
}

function remember(store: EventStore, stream_id: string, state: unknown, version: number): void {
  const streams = cacheOf(store);
  streams.delete(stream_id);
  streams.set(stream_id, { state, version });
  if (streams.size > CACHE_ENTRIES) streams.delete(streams.keys().next().value as string);
}

/** Folds a stream into its current state; `version` is the number of events in it. */
export async function loadAggregate<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  stream_id: string,
): Promise<{ state: S; version: number }> {
  const cached = cacheOf(store).get(stream_id) as { state: S; version: number } | undefined;
  const from = cached?.version ?? 0;
  const recorded = await store.readStream(stream_id, from > 0 ? { from_revision: from } : undefined);
  const newer = recorded.map((e) => deserializeEvent(e)).map(({ type, data }) => ({ type, data }) as E);
  const state = newer.reduce(decider.evolve, cached?.state ?? decider.initialState);
  const version = from + newer.length;
  if (newer.length > 0) remember(store, stream_id, state, version);
  return { state, version };
}

const streamLocks = new KeyedMutex();

/**
 * The only write path: load the stream, fold, decide, append with the expected revision.
 * Commands on one stream are queued within a process; a conflict with another process re-runs
 * the decision on the newer state (unless the client pinned a version with If-Match).
 */
export function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream_id: string,
  command: C,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<CommandResult<S, E>> {
  return streamLocks.run(stream_id, () => decideAndAppend(store, decider, stream_id, command, context, options));
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream_id: string,
  command: C,
  context: CommandContext,
  options: HandleOptions,
): Promise<CommandResult<S, E>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { state, version } = await loadAggregate(store, decider, stream_id);
    if (options.expected_version !== undefined && options.expected_version !== version) {
      throw versionMismatch(options.expected_version, version);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, events, version, position: null };

    const metadata: NewEventMetadata = {
      correlation_id: context.correlation_id,
      causation_id: context.causation_id ?? null,
      actor: context.actor,
      occurred_at: context.now,
    };
    try {
      const result = await store.appendToStream(
        stream_id,
        events.map((event) => serializeEvent(event, metadata)),
        version === 0 ? 'no_stream' : version - 1,
      );
      const next = events.reduce(decider.evolve, state);
      remember(store, stream_id, next, result.next_expected_revision + 1);
      return { state: next, events, version: result.next_expected_revision + 1, position: result.position };
    } catch (error) {
      cacheOf(store).delete(stream_id);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expected_version !== undefined) throw versionMismatch(options.expected_version, -1);
    }
  }
  throw new DomainError('CONCURRENCY.CONFLICT', `Too many concurrent writes to ${stream_id}; try again`);
}

function versionMismatch(expected: number, actual: number): DomainError {
  const detail = actual >= 0 ? `; current version is ${actual}` : '';
  return new DomainError('CONCURRENCY.VERSION_MISMATCH', `Version ${expected} is no longer current${detail}`);
}
