import { BUS_HEADERS, BusMessage } from '../bus/port';
import { DomainEnvelope } from '../../contracts/events';
import { DomainEventType, EnvelopeOf, OutgoingEvent } from './mappings/build';
import { INTERNAL_EVENTS } from './mappings/internal';
import { APPLICATION_MAPPINGS } from './mappings/applications';
import { DOCUMENT_MAPPINGS } from './mappings/documents';
import { GENERATION_MAPPINGS } from './mappings/generations';
import { JOB_MAPPINGS } from './mappings/jobs';
import { PROFILE_MAPPINGS } from './mappings/profiles';
import { USER_MAPPINGS } from './mappings/users';

export type { OutgoingEvent } from './mappings/build';

export const RELAY_HEADERS = { ...BUS_HEADERS, source_position: 'source_position' } as const;

/**
 * Every domain event type: its aggregate's mapping, or null for an internal event. The type
 * names every domain event type, so one that no file maps or declares internal fails to compile.
 */
const MAPPINGS: { [K in DomainEventType]: ((event: EnvelopeOf<K>) => OutgoingEvent) | null } = {
  ...USER_MAPPINGS,
  ...PROFILE_MAPPINGS,
  ...JOB_MAPPINGS,
  ...GENERATION_MAPPINGS,
  ...DOCUMENT_MAPPINGS,
  ...APPLICATION_MAPPINGS,
  ...INTERNAL_EVENTS,
};

/** Maps a private domain event to its public integration event, or null for internal events. */
export function toIntegrationEvent(event: DomainEnvelope): OutgoingEvent | null {
  if (!Object.hasOwn(MAPPINGS, event.type)) throw new Error(`No integration mapping for domain event ${event.type}`);
  const map = MAPPINGS[event.type] as ((event: DomainEnvelope) => OutgoingEvent) | null;
  return map === null ? null : map(event);
}

/** The domain event types that are never published. */
export const INTERNAL_EVENT_TYPES: readonly DomainEventType[] = Object.keys(INTERNAL_EVENTS) as DomainEventType[];

/** The bus message of an outgoing event; `source_position` lets an operator find the stored event. */
export function toBusMessage(outgoing: OutgoingEvent, source_position: string): BusMessage {
  const { message } = outgoing;
  return {
    key: outgoing.key,
    value: message,
    headers: {
      [RELAY_HEADERS.event_id]: message.event_id,
      [RELAY_HEADERS.event_type]: message.event_type,
      [RELAY_HEADERS.schema_version]: String(message.schema_version),
      [RELAY_HEADERS.correlation_id]: message.correlation_id,
      [RELAY_HEADERS.source_position]: source_position,
    },
  };
}
