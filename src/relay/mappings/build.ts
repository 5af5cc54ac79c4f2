import { z } from 'zod';
import { IntegrationEvent, IntegrationEventSchemas, IntegrationTopic } from '../../../contracts/integration';
import { DomainEnvelope } from '../../../contracts/events';

/** An integration event ready to publish: key is the source stream, so each stream keeps its order. */
export interface OutgoingEvent {
  topic: IntegrationTopic;
  key: string;
  message: IntegrationEvent;
}

export type DomainEventType = DomainEnvelope['type'];

/** The stored event of one type, its `data` narrowed. */
export type EnvelopeOf<T extends DomainEventType> = Extract<DomainEnvelope, { type: T }>;

/**
 * One aggregate's mapping: a function for every one of its event types, so a new event type of
 * the aggregate fails to compile in that aggregate's file until it is mapped.
 */
export type AggregateMapping<T extends DomainEventType> = { [K in T]: (event: EnvelopeOf<K>) => OutgoingEvent };

type IntegrationSchema = (typeof IntegrationEventSchemas)[number];

/** The integration event of `schema` for a stored event: envelope fields from the source, then `data`. */
export function build<S extends IntegrationSchema>(schema: S, source: DomainEnvelope, data: z.infer<S>['data']): z.infer<S> {
  return {
    event_id: source.event_id,
    event_type: schema.shape.event_type.value,
    schema_version: schema.shape.schema_version.value,
    occurred_at: source.metadata.occurred_at,
    correlation_id: source.metadata.correlation_id,
    source_stream: source.stream_id,
    source_revision: source.revision,
    data,
  } as z.infer<S>;
}

/** Publishes on `topic`, keyed by the source stream. */
export const on =
  (topic: IntegrationTopic) =>
  (source: DomainEnvelope, message: IntegrationEvent): OutgoingEvent => ({ topic, key: source.stream_id, message });
