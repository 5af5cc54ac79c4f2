import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { DocumentCreated, DocumentDetailsUpdated, DocumentExported, DocumentShared, DocumentVersionAdded } from './events';

/**
 * Commands on a document. The document keeper sends `AddGeneratedVersion` when a generation
 * completes (idempotent per generation); the retention sweeper sends `ExpireDocument`; the
 * routes send the user's, each naming the user, whose document it must be.
 */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), document_id: Uuid, now: IsoTimestamp, ...shape });

/** The document's own `type` travels as `document_type` (`type` names the command). */
const created = { ...DocumentCreated.shape.data.omit({ document_id: true, type: true }).shape, document_type: DocumentCreated.shape.data.shape.type };
const version = DocumentVersionAdded.shape.data.pick({ generation_id: true, template: true, resume: true, cover_letter: true, ats_score: true }).shape;
const Days = z.number().int().min(1).max(3650);

export const AddGeneratedVersion = command('AddGeneratedVersion', { ...created, ...version, generation_id: Uuid, retention_days: Days });
export const RestoreVersion = command('RestoreVersion', { user_id: Uuid, version: z.number().int().min(1), retention_days: Days });
export const UpdateDetails = command('UpdateDetails', DocumentDetailsUpdated.shape.data.partial({ title: true, notes: true, tags: true }).shape);
export const RecordExport = command('RecordExport', { user_id: Uuid, ...DocumentExported.shape.data.shape });
export const RecordDownload = command('RecordDownload', { version: z.number().int().min(1), format: DocumentExported.shape.data.shape.format, share_id: Uuid.nullable() });
export const ShareDocument = command('ShareDocument', { user_id: Uuid, ...DocumentShared.shape.data.shape });
export const RevokeShare = command('RevokeShare', { user_id: Uuid, share_id: Uuid });
export const RecordShareView = command('RecordShareView', { share_id: Uuid });
export const ExpireDocument = command('ExpireDocument', {});
export const DeleteDocument = command('DeleteDocument', { user_id: Uuid });

export const DocumentCommandSchema = z.discriminatedUnion('type', [
  AddGeneratedVersion,
  RestoreVersion,
  UpdateDetails,
  RecordExport,
  RecordDownload,
  ShareDocument,
  RevokeShare,
  RecordShareView,
  ExpireDocument,
  DeleteDocument,
]);
export type DocumentCommand = z.infer<typeof DocumentCommandSchema>;
