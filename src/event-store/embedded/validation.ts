import { EventData, ExpectedRevision } from '../port';

/** Rejects malformed input before it can reach the log, where it would stay forever. */
export function checkAppend(stream_id: string, events: EventData[], expected: ExpectedRevision): void {
  if (typeof stream_id !== 'string' || stream_id.length === 0) throw new TypeError('stream_id must be a non-empty string');
  if (!Array.isArray(events) || events.length === 0) throw new TypeError('appendToStream needs at least one event');
  if (expected !== 'any' && expected !== 'no_stream') checkRevision(expected, 'expected_revision');
  for (const event of events) {
    if (typeof event.event_id !== 'string' || event.event_id.length === 0) throw new TypeError('event_id must be a non-empty string');
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError('type must be a non-empty string');
    if (!isPlainObject(event.data)) throw new TypeError(`data of event ${event.event_id} must be a JSON object`);
    if (!isPlainObject(event.metadata)) throw new TypeError(`metadata of event ${event.event_id} must be an object`);
  }
}

export function checkRevision(revision: number | undefined, name: string): void {
  if (revision !== undefined && (!Number.isSafeInteger(revision) || revision < 0)) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(revision)}`);
  }
}

export function checkCount(max_count: number | undefined): void {
  checkRevision(max_count, 'max_count');
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
