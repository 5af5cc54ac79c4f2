import { z } from 'zod';
import { IsoDate } from '../jobs/job';
import { defineEvent } from '../shared/envelope';
import { Uuid } from '../shared/primitives';

/**
 * Events of the `application-<uuid>` stream: a job the user applies (or means to apply) to, the
 * document version they sent, and every status it went through. Notes are the user's own text:
 * every event that holds some names `user_id` (ADR 0009).
 */

/** Where an application stands; the decider holds the transitions allowed between them. */
export const ApplicationStatus = z.enum(['not_applied', 'preparing', 'applied', 'interviewing', 'offer_received', 'accepted', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationNotes = z.string().max(5000);
export const StatusNote = z.string().max(1000);
const Version = z.number().int().min(1);

export const ApplicationCreated = defineEvent(
  'ApplicationCreated',
  z.object({
    application_id: Uuid,
    user_id: Uuid,
    job_id: Uuid,
    /** The document sent and its exact version, kept even after the document gets newer versions. */
    document_id: Uuid.nullable(),
    document_version: Version.nullable(),
    status: ApplicationStatus,
    applied_date: IsoDate.nullable(),
    notes: ApplicationNotes,
  }),
);

/** One step of the timeline; `applied_date` is set when the application reaches `applied` without one. */
export const ApplicationStatusChanged = defineEvent(
  'ApplicationStatusChanged',
  z.object({ user_id: Uuid, from: ApplicationStatus, to: ApplicationStatus, note: StatusNote.nullable(), applied_date: IsoDate.nullable() }),
);

export const ApplicationNotesUpdated = defineEvent('ApplicationNotesUpdated', z.object({ user_id: Uuid, notes: ApplicationNotes }));

export const ApplicationDeleted = defineEvent('ApplicationDeleted', z.object({ application_id: Uuid, user_id: Uuid }));

export const ApplicationEventSchemas = [ApplicationCreated, ApplicationStatusChanged, ApplicationNotesUpdated, ApplicationDeleted] as const;
export const ApplicationEventSchema = z.discriminatedUnion('type', ApplicationEventSchemas);
export type ApplicationEvent = z.infer<typeof ApplicationEventSchema>;
