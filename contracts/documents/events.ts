import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { CoverLetterContent, ResumeContent, Template } from '../generations/content';
import { ExportFormat, PageSize } from './rendering';

/**
 * Events of the `document-<uuid>` stream: a resume or cover letter the user keeps, one per job
 * and type, with every version the pipeline (or a restore) gave it, its exports, downloads and
 * share links. Every event that holds text about the person names `user_id` (ADR 0009); share
 * tokens and passwords are stored only as hashes.
 */

export const DocumentType = z.enum(['resume', 'cover_letter']);
export type DocumentType = z.infer<typeof DocumentType>;

export const SharePermission = z.enum(['view', 'download']);
export type SharePermission = z.infer<typeof SharePermission>;

export const Tag = z.string().min(1).max(50);
const Version = z.number().int().min(1);

export const DocumentCreated = defineEvent(
  'DocumentCreated',
  z.object({
    document_id: Uuid,
    user_id: Uuid,
    type: DocumentType,
    job_id: z.string().min(1).max(100),
    profile_id: Uuid,
    title: z.string().min(1).max(200),
    /** For file names and document properties: whose document it is, and for which job. */
    person_name: z.string().max(200),
    job_title: z.string().max(300),
    company: z.string().max(300),
  }),
);

/** A new current version: written by a generation, or a copy of an older version (`restored_from`). */
export const DocumentVersionAdded = defineEvent(
  'DocumentVersionAdded',
  z.object({
    user_id: Uuid,
    version: Version,
    generation_id: Uuid.nullable(),
    restored_from: Version.nullable(),
    template: Template,
    /** Exactly one of the two, as the document's type says. */
    resume: ResumeContent.nullable(),
    cover_letter: CoverLetterContent.nullable(),
    ats_score: z.number().min(0).max(1).nullable(),
    /** DOCUMENT_RETENTION_DAYS after this version: the document expires then unless a newer version comes. */
    expires_at: IsoTimestamp,
  }),
);

export const DocumentDetailsUpdated = defineEvent(
  'DocumentDetailsUpdated',
  z.object({ user_id: Uuid, title: z.string().min(1).max(200), notes: z.string().max(5000), tags: z.array(Tag).max(20) }),
);

export const DocumentExported = defineEvent(
  'DocumentExported',
  z.object({ version: Version, format: ExportFormat, template: Template, page_size: PageSize, bytes: z.number().int().min(0) }),
);

/** A file was served: to the owner (`share_id` null) or through a share link. */
export const DocumentDownloaded = defineEvent(
  'DocumentDownloaded',
  z.object({ version: Version, format: ExportFormat, share_id: Uuid.nullable() }),
);

export const DocumentShared = defineEvent(
  'DocumentShared',
  z.object({
    share_id: Uuid,
    /** SHA-256 of the link's token (hex); the token itself is never stored. */
    token_hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** scrypt hash of the share password, or null for none. */
    password_hash: z.string().max(300).nullable(),
    permissions: z.array(SharePermission).min(1).max(2),
    expires_at: IsoTimestamp,
    /** The version the link shows; null follows the current version. */
    version: Version.nullable(),
  }),
);

export const DocumentShareRevoked = defineEvent('DocumentShareRevoked', z.object({ share_id: Uuid }));

export const DocumentShareViewed = defineEvent('DocumentShareViewed', z.object({ share_id: Uuid }));

/** DOCUMENT_RETENTION_DAYS passed since the last version; the document, its files and its links are gone. */
export const DocumentExpired = defineEvent('DocumentExpired', z.object({ document_id: Uuid, user_id: Uuid }));

export const DocumentDeleted = defineEvent('DocumentDeleted', z.object({ document_id: Uuid, user_id: Uuid }));

export const DocumentEventSchemas = [
  DocumentCreated,
  DocumentVersionAdded,
  DocumentDetailsUpdated,
  DocumentExported,
  DocumentDownloaded,
  DocumentShared,
  DocumentShareRevoked,
  DocumentShareViewed,
  DocumentExpired,
  DocumentDeleted,
] as const;
export const DocumentEventSchema = z.discriminatedUnion('type', DocumentEventSchemas);
export type DocumentEvent = z.infer<typeof DocumentEventSchema>;
