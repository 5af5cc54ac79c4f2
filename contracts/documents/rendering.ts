import { z } from 'zod';
import { CoverLetterContent, ResumeContent, Template } from '../generations/content';

/**
 * How a document is rendered to a file. Every format is rendered from the one document model
 * (the generation's content), never from another format.
 */

export const ExportFormat = z.enum(['pdf', 'docx', 'html', 'md', 'txt']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** US letter (8.5 × 11 in) unless the user asks for A4. */
export const PageSize = z.enum(['letter', 'a4']);
export type PageSize = z.infer<typeof PageSize>;

/** Written into the file's own properties (PDF info, DOCX core properties, HTML `<title>` and `lang`). */
export const DocumentMetadata = z.strictObject({
  title: z.string().min(1).max(300),
  author: z.string().min(1).max(300),
  /** BCP 47 tag of the document's language. */
  language: z.string().min(2).max(35).default('en'),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

export const RenderOptions = z.strictObject({
  format: ExportFormat,
  template: Template.default('professional'),
  page_size: PageSize.default('letter'),
  metadata: DocumentMetadata,
});
export type RenderOptions = z.infer<typeof RenderOptions>;
/** Render options as a caller writes them: template, page size and language may be left out. */
export type RenderOptionsInput = z.input<typeof RenderOptions>;

/** What can be rendered: a resume or a cover letter, as the generation wrote it. */
export const RenderableDocument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resume'), content: ResumeContent }),
  z.strictObject({ kind: z.literal('cover_letter'), content: CoverLetterContent }),
]);
export type RenderableDocument = z.infer<typeof RenderableDocument>;
