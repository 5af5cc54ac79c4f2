import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { ApplicationCreated, ApplicationNotes, ApplicationStatus, StatusNote } from './events';

/**
 * Commands on an application. Each names the user, whose application it must be; the job and
 * the document version were looked up by the route and travel in the command.
 */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), application_id: Uuid, user_id: Uuid, now: IsoTimestamp, ...shape });

const created = ApplicationCreated.shape.data.omit({ application_id: true, user_id: true }).shape;

export const CreateApplication = command('CreateApplication', created);
/** Either or both: a new status (with a note for the timeline) and new notes. */
export const UpdateApplication = command('UpdateApplication', { status: ApplicationStatus.optional(), note: StatusNote.optional(), notes: ApplicationNotes.optional() });
export const DeleteApplication = command('DeleteApplication', {});

export const ApplicationCommandSchema = z.discriminatedUnion('type', [CreateApplication, UpdateApplication, DeleteApplication]);
export type ApplicationCommand = z.infer<typeof ApplicationCommandSchema>;
