import { z } from 'zod';
import { ApplicationIntegrationEventSchemas } from './applications';
import { DocumentIntegrationEventSchemas } from './documents';
import { GenerationIntegrationEventSchemas } from './generations';
import { JobIntegrationEventSchemas } from './jobs';
import { ProfileIntegrationEventSchemas } from './profiles';
import { IntegrationTopic, IntegrationTopics } from './topics';
import { UserIntegrationEventSchemas } from './users';

export * from './topics';
export * from './users';
export * from './profiles';
export * from './jobs';
export * from './generations';
export * from './documents';
export * from './applications';
export { defineIntegrationEvent } from './envelope';

/** The events each topic carries; topics without events yet are declared for their consumers. */
export const IntegrationEventsByTopic = {
  [IntegrationTopics.users]: UserIntegrationEventSchemas,
  [IntegrationTopics.profiles]: ProfileIntegrationEventSchemas,
  [IntegrationTopics.jobs]: JobIntegrationEventSchemas,
  [IntegrationTopics.generations]: GenerationIntegrationEventSchemas,
  [IntegrationTopics.documents]: DocumentIntegrationEventSchemas,
  [IntegrationTopics.applications]: ApplicationIntegrationEventSchemas,
} as const satisfies Record<IntegrationTopic, readonly z.ZodType[]>;

/** Every integration event, for JSON Schema generation (`integration/<event_type>.json`). */
export const IntegrationEventSchemas = [
  ...UserIntegrationEventSchemas,
  ...ProfileIntegrationEventSchemas,
  ...JobIntegrationEventSchemas,
  ...GenerationIntegrationEventSchemas,
  ...DocumentIntegrationEventSchemas,
  ...ApplicationIntegrationEventSchemas,
] as const;

export const IntegrationEvent = z.discriminatedUnion('event_type', IntegrationEventSchemas);
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;
export type IntegrationEventType = IntegrationEvent['event_type'];
