/**
 * The rendering engine: one document model (a generation's resume or cover letter) to every
 * export format. Pure: it imports only `contracts/` (and npm packages); each format is rendered
 * from the same reading order (`layout.ts`), never from another format.
 *
 *   render({ kind: 'resume', content }, { format: 'pdf', template, page_size, metadata })
 *   renderResume(content, options), renderCoverLetter(content, options)
 */
import type { RenderableDocument, RenderOptionsInput } from '../../contracts/documents/rendering';
import type { CoverLetterContent, ResumeContent } from '../../contracts/generations/content';
import { renderHtml } from './html';
import { coverLetterBlocks, resumeBlocks, type Block } from './layout';
import { renderMarkdown } from './markdown';
import { templateStyles } from './templates';
import { renderText } from './text';

export async function render(document: RenderableDocument, options: RenderOptionsInput): Promise<Buffer> {
  const blocks = document.kind === 'resume' ? resumeBlocks(document.content) : coverLetterBlocks(document.content);
  return renderBlocks(blocks, options);
}

export function renderResume(content: ResumeContent, options: RenderOptionsInput): Promise<Buffer> {
  return render({ kind: 'resume', content }, options);
}

export function renderCoverLetter(content: CoverLetterContent, options: RenderOptionsInput): Promise<Buffer> {
  return render({ kind: 'cover_letter', content }, options);
}

/* The PDF and DOCX writers (pdfkit, docx) load on the first export, not at every start. */
const docx = () => import('./docx');
const pdf = () => import('./pdf/render');

async function renderBlocks(blocks: Block[], options: RenderOptionsInput): Promise<Buffer> {
  const metadata = { language: 'en', ...options.metadata };
  const pageSize = options.page_size ?? 'letter';
  const style = templateStyles[options.template ?? 'professional'];
  switch (options.format) {
    case 'txt':
      return renderText(blocks);
    case 'md':
      return renderMarkdown(blocks);
    case 'html':
      return renderHtml(blocks, metadata, pageSize, style);
    case 'docx':
      return (await docx()).renderDocx(blocks, metadata, pageSize, style);
    case 'pdf':
      return (await pdf()).renderPdf(blocks, metadata, pageSize, style);
    default: {
      const never: never = options.format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}

/** MIME type of each export format, for downloads. */
export const contentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
} as const;
