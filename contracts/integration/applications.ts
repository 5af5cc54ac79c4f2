import { z } from 'zod';
import { ApplicationStatus } from '../applications/events';
import { Uuid } from '../shared/primitives';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.applications.v1`, key `application-<id>`: an application's funnel for analytics
 * and the notifier. Ids, statuses and the document version only: never a note.
 */
const id = { application_id: Uuid };

export const ApplicationCreatedV1 = integrationEvent(
  'application.created',
  1,
  z.strictObject({ ...id, user_id: Uuid, job_id: Uuid, document_id: Uuid.nullable(), document_version: z.number().int().min(1).nullable(), status: ApplicationStatus }),
);
export const ApplicationStatusChangedV1 = integrationEvent('application.status_changed', 1, z.strictObject({ ...id, from: ApplicationStatus, to: ApplicationStatus }));
export const ApplicationNotesUpdatedV1 = integrationEvent('application.notes_updated', 1, z.strictObject({ ...id }));
export const ApplicationDeletedV1 = integrationEvent('application.deleted', 1, z.strictObject({ ...id, user_id: Uuid }));

export const ApplicationIntegrationEventSchemas = [ApplicationCreatedV1, ApplicationStatusChangedV1, ApplicationNotesUpdatedV1, ApplicationDeletedV1] as const;
export const ApplicationIntegrationEvent = z.discriminatedUnion('event_type', ApplicationIntegrationEventSchemas);
export type ApplicationIntegrationEvent = z.infer<typeof ApplicationIntegrationEvent>;
