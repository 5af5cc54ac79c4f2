import { randomUUID } from 'node:crypto';
import { CURRENT_SCHEMA_VERSION, DomainEnvelope, DomainEvent, DomainEventSchemas } from '../../contracts/events';
import { EventMetadata, EventMetadataSchema } from '../../contracts/shared/envelope';
import { EventData, RecordedEvent } from './port';

/**
 * The one place where domain events become stored events and back. Payload encryption per
 * user (crypto-shredding for the right to deletion) belongs here and nowhere else.
 */

const schemaByType = new Map<string, (typeof DomainEventSchemas)[number]>(
  DomainEventSchemas.map((schema) => [schema.shape.type.value, schema]),
);

export type NewEventMetadata = Omit<EventMetadata, 'schema_version'>;

export class EventDecodeError extends Error {
  constructor(
    readonly event_id: string,
    readonly event_type: string,
    reason: string,
  ) {
    super(`Cannot decode event ${event_id} of type ${event_type}: ${reason}`);
    this.name = 'EventDecodeError';
  }
}

export function serializeEvent(event: DomainEvent, metadata: NewEventMetadata): EventData {
  return {
    event_id: randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...metadata, schema_version: CURRENT_SCHEMA_VERSION },
  };
}

export function isKnownEventType(type: string): boolean {
  return schemaByType.has(type);
}

/** Parses a stored event with its contract schema; throws EventDecodeError when it does not fit. */
export function deserializeEvent(recorded: RecordedEvent): DomainEnvelope {
  const schema = schemaByType.get(recorded.type);
  if (!schema) throw new EventDecodeError(recorded.event_id, recorded.type, 'unknown event type');
  const parsed = schema.safeParse({ type: recorded.type, data: recorded.data });
  if (!parsed.success) throw new EventDecodeError(recorded.event_id, recorded.type, parsed.error.message);
  const metadata = EventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success) throw new EventDecodeError(recorded.event_id, recorded.type, metadata.error.message);
  return {
    event_id: recorded.event_id,
    type: parsed.data.type,
    data: parsed.data.data,
    metadata: metadata.data,
    stream_id: recorded.stream_id,
    revision: recorded.revision,
    position: recorded.position,
    recorded_at: recorded.recorded_at,
  } as DomainEnvelope;
}
