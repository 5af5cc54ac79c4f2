import { z } from 'zod';
import { IsoTimestamp, Uuid } from './primitives';

/** Metadata every stored event carries. */
export const EventMetadataSchema = z.object({
  correlation_id: z.string().min(1).max(200),
  causation_id: z.string().max(200).nullable(),
  /** User id of whoever caused the event, or a system actor such as `system:catalogue`. */
  actor: z.string().max(200).nullable(),
  occurred_at: IsoTimestamp,
  schema_version: z.number().int().positive(),
});
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** A domain event as the core sees it after deserialization. */
export interface EventEnvelope<E extends { type: string; data: unknown } = { type: string; data: unknown }> {
  event_id: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
  stream_id: string;
  revision: number;
  position: string;
  recorded_at: string;
}

export const EventIdSchema = Uuid;

/** Declares an event: a PascalCase past-tense `type` and its `data` schema. */
export const defineEvent = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), data });
