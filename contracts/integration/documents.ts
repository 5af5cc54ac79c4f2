import { z } from 'zod';
import { DocumentType, SharePermission } from '../documents/events';
import { ExportFormat } from '../documents/rendering';
import { Uuid } from '../shared/primitives';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.documents.v1`, key `document-<id>`: a document's life for analytics and the
 * notifier. Ids, types, versions, formats, sizes and counts only: never a title, a note, a
 * tag, the content, a share token or whose name is on it.
 */
const id = { document_id: Uuid };
const version = z.number().int().min(1);

export const DocumentCreatedV1 = integrationEvent(
  'document.created',
  1,
  z.strictObject({ ...id, user_id: Uuid, type: DocumentType, job_id: z.string(), profile_id: Uuid }),
);
export const DocumentVersionedV1 = integrationEvent(
  'document.versioned',
  1,
  z.strictObject({ ...id, version, generation_id: Uuid.nullable(), restored_from: version.nullable(), ats_score: z.number().min(0).max(1).nullable() }),
);
export const DocumentDetailsUpdatedV1 = integrationEvent('document.details_updated', 1, z.strictObject({ ...id, tags: z.number().int().min(0) }));
export const DocumentExportedV1 = integrationEvent('document.exported', 1, z.strictObject({ ...id, version, format: ExportFormat, bytes: z.number().int().min(0) }));
export const DocumentDownloadedV1 = integrationEvent(
  'document.downloaded',
  1,
  z.strictObject({ ...id, version, format: ExportFormat, share_id: Uuid.nullable() }),
);
export const DocumentSharedV1 = integrationEvent(
  'document.shared',
  1,
  z.strictObject({ ...id, share_id: Uuid, permissions: z.array(SharePermission), password_protected: z.boolean(), expires_at: z.string() }),
);
export const DocumentShareRevokedV1 = integrationEvent('document.share_revoked', 1, z.strictObject({ ...id, share_id: Uuid }));
export const DocumentViewedV1 = integrationEvent('document.viewed', 1, z.strictObject({ ...id, share_id: Uuid }));
export const DocumentExpiredV1 = integrationEvent('document.expired', 1, z.strictObject({ ...id, user_id: Uuid }));
export const DocumentDeletedV1 = integrationEvent('document.deleted', 1, z.strictObject({ ...id, user_id: Uuid }));

export const DocumentIntegrationEventSchemas = [
  DocumentCreatedV1,
  DocumentVersionedV1,
  DocumentDetailsUpdatedV1,
  DocumentExportedV1,
  DocumentDownloadedV1,
  DocumentSharedV1,
  DocumentShareRevokedV1,
  DocumentViewedV1,
  DocumentExpiredV1,
  DocumentDeletedV1,
] as const;
export const DocumentIntegrationEvent = z.discriminatedUnion('event_type', DocumentIntegrationEventSchemas);
export type DocumentIntegrationEvent = z.infer<typeof DocumentIntegrationEvent>;
