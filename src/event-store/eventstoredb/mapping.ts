import {
  ANY,
  AppendExpectedRevision,
  jsonEvent,
  JSONType,
  NO_STREAM,
  ResolvedEvent,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventData, EventMetadata, ExpectedRevision, RecordedEvent, WrongExpectedRevisionError } from '../port';
import { encodePosition } from './position';

export function toJsonEvent(event: EventData) {
  return jsonEvent({ id: event.event_id, type: event.type, data: event.data as JSONType, metadata: { ...event.metadata } });
}

export function toEsdbRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

export function toWrongExpectedRevision(stream_id: string, expected: ExpectedRevision, error: WrongExpectedVersionError) {
  const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
  return new WrongExpectedRevisionError(stream_id, expected, actual);
}

/** System events (`$`-prefixed types: stats, metadata, projections) are ESDB's, never ours. */
export function isUserEvent(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return event !== undefined && event.isJson && !event.type.startsWith('$');
}

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event || !event.isJson) {
    throw new TypeError(`Event ${event?.id ?? '?'} in ${event?.streamId ?? '?'} is not a JSON event`);
  }
  return {
    event_id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as EventMetadata,
    stream_id: event.streamId,
    revision: Number(event.revision),
    // Stream reads carry the position from server 22.6 on; `$all` reads always do.
    position: event.position ? encodePosition(event.position) : '',
    recorded_at: event.created.toISOString(),
  };
}
