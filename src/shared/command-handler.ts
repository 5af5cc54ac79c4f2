import { DomainEvent } from '../../contracts/events';
import { EventStore, WrongExpectedRevisionError } from '../event-store/port';
import { deserializeEvent, NewEventMetadata, serializeEvent } from '../event-store/serializer';
import { Decider, fold } from './decider';
import { DomainError } from './errors';

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

/** Folds a stream into its current state; `version` is the number of events in it. */
export async function loadAggregate<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  stream_id: string,
): Promise<{ state: S; version: number }> {
  const history = (await store.readStream(stream_id)).map((e) => deserializeEvent(e));
  const state = fold(decider, history.map(({ type, data }) => ({ type, data }) as E));
  return { state, version: history.length };
}

/**
 * The only write path: load the stream, fold, decide, append with the expected revision.
 * Without If-Match a concurrent write just re-runs the decision on the newer state.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream_id: string,
  command: C,
  context: CommandContext,
  options: HandleOptions = {},
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
      return {
        state: events.reduce(decider.evolve, state),
        events,
        version: result.next_expected_revision + 1,
        position: result.position,
      };
    } catch (error) {
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
