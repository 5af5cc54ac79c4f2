import { z } from 'zod';
import { AdminEventSchemas } from './admin/events';
import { ApplicationEventSchemas } from './applications/events';
import { AllJobAlertEventSchemas } from './job-search/alerts-events';
import { SavedSearchEventSchemas } from './job-search/saved-searches-events';
import { DocumentEventSchemas } from './documents/events';
import { JobSourceEventSchemas } from './job-sources/events';
import { NotificationEventSchemas } from './notifications/events';
import { GenerationEventSchemas } from './generations/events';
import { JobEventSchemas } from './jobs/events';
import { ProfileEventSchemas } from './profiles/events';
import { ClaimEventSchemas } from './shared/claims';
import type { EventEnvelope } from './shared/envelope';
import { UserEventSchemas } from './users/events';

/**
 * Every stored domain event type, by name. The serializer parses events read back from a store
 * with these schemas; the JSON Schema files in contracts/schemas are generated from them.
 */
export const DomainEventSchemas = [...UserEventSchemas, ...ClaimEventSchemas, ...ProfileEventSchemas, ...JobEventSchemas, ...GenerationEventSchemas, ...DocumentEventSchemas, ...ApplicationEventSchemas, ...AdminEventSchemas, ...NotificationEventSchemas, ...SavedSearchEventSchemas, ...AllJobAlertEventSchemas, ...JobSourceEventSchemas] as const;

export type DomainEvent = z.infer<(typeof DomainEventSchemas)[number]>;

/** Current schema version of each event type; bump with an upcaster when a type changes shape. */
export const CURRENT_SCHEMA_VERSION = 1;

/** A stored domain event, discriminated on `type` so `data` narrows with it. */
export type DomainEnvelope = DomainEvent extends infer E ? (E extends DomainEvent ? EventEnvelope<E> : never) : never;
