import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';

/**
 * Integration events are the public, PII-free projection of domain events that leaves the
 * service on the message bus. Their contract is independent of the stored events: a domain
 * event may change shape without consumers noticing, as long as its mapping still fits.
 *
 * `event_id` is the source domain event's id, so consumers deduplicate redeliveries with it.
 * `event_type` is `<aggregate>.<snake_case past tense>`, e.g. `profile.experience_added`.
 */
export const defineIntegrationEvent = <T extends string, V extends number, D extends z.ZodType>(
  event_type: T,
  schema_version: V,
  data: D,
) =>
  z.strictObject({
    event_id: Uuid,
    event_type: z.literal(event_type),
    schema_version: z.literal(schema_version),
    occurred_at: IsoTimestamp,
    correlation_id: z.string().min(1).max(200),
    /** The event store stream the event came from: also the message key. */
    source_stream: z.string().min(1),
    /** 0-based revision of the event within its source stream: orders a stream's events. */
    source_revision: z.number().int().nonnegative(),
    data,
  });

