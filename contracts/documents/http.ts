import { z } from 'zod';
import { CoverLetterContent, ResumeContent, Template } from '../generations/content';
import { IsoTimestamp, RequestTimestamp, Uuid } from '../shared/primitives';
import { page, PageQuery } from '../shared/read-model';
import { DocumentType, SharePermission, Tag } from './events';
import { ExportFormat, PageSize } from './rendering';

/** Request and response bodies of the Document Management API (API-4). */

/** A version number in a path or query string: decimal digits, 1 to 999,999,999. */
const VersionNumber = z.preprocess(
  (value) => (typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value),
  z.number({ error: 'must be a whole number' }).int().min(1).max(999_999_999),
);

/** GET /documents: yours, newest first; `created_from` / `created_to` bound `created_at` (inclusive). */
export const DocumentListQuery = z.strictObject({
  ...PageQuery.shape,
  type: DocumentType.optional(),
  job_id: z.string().min(1).max(100).optional(),
  generation_id: Uuid.optional(),
  tag: Tag.optional(),
  created_from: RequestTimestamp.optional(),
  created_to: RequestTimestamp.optional(),
});
export type DocumentListQuery = z.output<typeof DocumentListQuery>;

export const VersionSummary = z.object({
  version: z.number().int().min(1),
  generation_id: Uuid.nullable(),
  /** The version this one copies (a restore), or null. */
  restored_from: z.number().int().min(1).nullable(),
  template: Template,
  ats_score: z.number().min(0).max(1).nullable(),
  created_at: IsoTimestamp,
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const DocumentView = z.object({
  id: Uuid,
  type: DocumentType,
  title: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  job_id: z.string(),
  profile_id: Uuid,
  current_version: z.number().int().min(1),
  /** The current version's summary. */
  current: VersionSummary,
  versions_count: z.number().int().min(1),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  /** When the document expires unless a newer version comes (DOCUMENT_RETENTION_DAYS after the last one). */
  expires_at: IsoTimestamp,
  /** The ETag. */
  version: z.number().int().min(1),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentPage = page(DocumentView);
export type DocumentPage = z.infer<typeof DocumentPage>;

/** PUT /documents/{id}: any of the three; what is left out stays. */
export const DocumentDetailsRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    notes: z.string().max(5000).optional(),
    tags: z.array(Tag.trim()).max(20).optional(),
  })
  .refine((body) => body.title !== undefined || body.notes !== undefined || body.tags !== undefined, { error: 'name at least one of title, notes, tags' })
  // What the refinement says, for the OpenAPI document (JSON Schema cannot see a refinement).
  .meta({ minProperties: 1 });
export type DocumentDetailsRequest = z.infer<typeof DocumentDetailsRequest>;

export const VersionList = z.object({ items: z.array(VersionSummary) });

/** One version in full: its summary and its content (a resume or a cover letter, as the type says). */
export const VersionView = VersionSummary.extend({ resume: ResumeContent.nullable(), cover_letter: CoverLetterContent.nullable() });
export type VersionView = z.infer<typeof VersionView>;

export const VersionParams = z.strictObject({ id: Uuid, n: VersionNumber });
export const ShareParams = z.strictObject({ id: Uuid, share_id: Uuid });

export const ExportFormatInfo = z.object({
  format: ExportFormat,
  content_type: z.string(),
  extension: z.string(),
  description: z.string(),
  templates: z.array(Template),
  page_sizes: z.array(PageSize),
});
export const ExportFormatList = z.object({ formats: z.array(ExportFormatInfo) });

/** What to render: a format, and optionally the template, page size and version (default: the current version's template, letter, current). */
export const ExportRequest = z.strictObject({
  format: ExportFormat,
  template: Template.optional(),
  page_size: PageSize.optional(),
  version: z.number().int().min(1).max(999_999_999).optional(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const DownloadQuery = z.strictObject({
  format: ExportFormat.default('pdf'),
  template: Template.optional(),
  page_size: PageSize.optional(),
  version: VersionNumber.optional(),
});
export type DownloadQuery = z.output<typeof DownloadQuery>;

export const ExportResult = z.object({
  document_id: Uuid,
  version: z.number().int().min(1),
  format: ExportFormat,
  template: Template,
  page_size: PageSize,
  bytes: z.number().int().min(0),
  content_type: z.string(),
  file_name: z.string(),
  /** GET this (authenticated) for the file. */
  download_url: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ShareRequest = z.strictObject({
  expires_in_hours: z.number().int().min(1).max(720).default(168),
  permissions: z.array(SharePermission).min(1).max(2).default(['view']),
  /** Sent by the viewer in the `X-Share-Password` header; stored only as a hash. */
  password: z.string().min(8).max(128).optional(),
  /** Share this version only; by default the link follows the current version. */
  version: z.number().int().min(1).max(999_999_999).optional(),
});
export type ShareRequest = z.infer<typeof ShareRequest>;

export const ShareCreated = z.object({
  share_id: Uuid,
  /** The link; it is shown once (only its hash is stored). */
  url: z.string(),
  expires_at: IsoTimestamp,
  permissions: z.array(SharePermission),
  password_protected: z.boolean(),
});
export type ShareCreated = z.infer<typeof ShareCreated>;

export const ShareSummary = z.object({
  share_id: Uuid,
  permissions: z.array(SharePermission),
  expires_at: IsoTimestamp,
  version: z.number().int().nullable(),
  password_protected: z.boolean(),
  revoked: z.boolean(),
  created_at: IsoTimestamp,
  views: z.number().int().min(0),
  downloads: z.number().int().min(0),
});
export type ShareSummary = z.infer<typeof ShareSummary>;

const byFormat = z.object({ pdf: z.number().int(), docx: z.number().int(), html: z.number().int(), md: z.number().int(), txt: z.number().int() });
export type ByFormat = z.infer<typeof byFormat>;

export const DocumentAnalytics = z.object({
  document_id: Uuid,
  versions: z.number().int(),
  current_version: z.number().int(),
  /** Each version's ATS score, oldest first. */
  ats_scores: z.array(z.object({ version: z.number().int(), ats_score: z.number().nullable() })),
  exports: z.object({ total: z.number().int(), by_format: byFormat }),
  downloads: z.object({ total: z.number().int(), by_owner: z.number().int(), through_shares: z.number().int(), by_format: byFormat }),
  share_views: z.number().int(),
  shares: z.array(ShareSummary),
  last_exported_at: IsoTimestamp.nullable(),
  last_downloaded_at: IsoTimestamp.nullable(),
  last_viewed_at: IsoTimestamp.nullable(),
});
export type DocumentAnalytics = z.infer<typeof DocumentAnalytics>;

export const UsageStats = z.object({
  documents: z.object({ total: z.number().int(), resume: z.number().int(), cover_letter: z.number().int() }),
  versions: z.number().int(),
  exports: z.object({ total: z.number().int(), by_format: byFormat }),
  downloads: z.number().int(),
  share_views: z.number().int(),
  shares: z.object({ active: z.number().int(), total: z.number().int() }),
  /** Documents that expire within 7 days unless regenerated. */
  expiring_soon: z.number().int(),
});
export type UsageStats = z.infer<typeof UsageStats>;

/** GET /shared/{token}: what a link shows (no personal data beyond the document itself). */
export const SharedDocument = z.object({
  title: z.string(),
  type: DocumentType,
  version: z.number().int(),
  permissions: z.array(SharePermission),
  expires_at: IsoTimestamp,
  /** Formats the link can download (empty without the download permission). */
  formats: z.array(ExportFormat),
  resume: ResumeContent.nullable(),
  cover_letter: CoverLetterContent.nullable(),
});
export type SharedDocument = z.infer<typeof SharedDocument>;

export const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a share token') });
export const SharedDownloadQuery = z.strictObject({ format: ExportFormat.default('pdf') });
