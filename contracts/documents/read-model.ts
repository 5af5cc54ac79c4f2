import { z } from 'zod';
import { CoverLetterContent, ResumeContent } from '../generations/content';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { ByFormat, DocumentView, ShareSummary, VersionSummary } from './http';

const Count = z.number().int().min(0);
const byFormat = z.object({ pdf: Count, docx: Count, html: Count, md: Count, txt: Count }) satisfies z.ZodType<ByFormat>;

/**
 * The `documents_v1` read-model document: the view, whose it is, every version with its content
 * (GET versions/{n}, exports and restores read it), the share links (found by token hash) and
 * the counters analytics and usage stats add up. Deleted and expired documents are removed.
 */
export const DocumentDocument = DocumentView.extend({
  ...ProjectedFields,
  user_id: Uuid,
  person_name: z.string(),
  job_title: z.string(),
  company: z.string(),
  /** Every version's generation, for the generation_id filter. */
  generation_ids: z.array(Uuid),
  versions: z.array(VersionSummary.extend({ resume: ResumeContent.nullable(), cover_letter: CoverLetterContent.nullable() })),
  shares: z.array(ShareSummary.extend({ token_hash: z.string(), password_hash: z.string().nullable() })),
  stats: z.object({
    exports: byFormat,
    owner_downloads: byFormat,
    share_downloads: byFormat,
    share_views: Count,
    last_exported_at: IsoTimestamp.nullable(),
    last_downloaded_at: IsoTimestamp.nullable(),
    last_viewed_at: IsoTimestamp.nullable(),
  }),
});
export type DocumentDocument = z.infer<typeof DocumentDocument>;
export const DocumentsReadModel = defineReadModel('documents_v1', DocumentDocument);
