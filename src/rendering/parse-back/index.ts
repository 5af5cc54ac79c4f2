/**
 * Parse-back: render a document's PDF and DOCX once, extract their text again, and check that
 * every section heading and every item's title and meta (or every cover letter paragraph) comes
 * back in reading order. The outcome says per format what is missing or out of order, by path.
 *
 *   parseBack({ kind: 'resume', content })  ->  [{ format: 'pdf', ok, checked, in_order, issues, error }, { format: 'docx', … }]
 */
import type { RenderableDocument } from '../../../contracts/documents/rendering';
import type { ParseBackFormat, ParseBackOutcome } from '../../../contracts/generations/parse-back';
import { render } from '../index';
import { compareInOrder } from './compare';
import { extractDocxText } from './docx-text';
import { coverLetterExpectations, resumeExpectations, type Expected } from './expected';
import { DEFAULT_TIMEOUT_MS, extractPdfText } from './pdf-text';

export { compareInOrder, normalise } from './compare';
export { extractDocxText } from './docx-text';
export { coverLetterExpectations, resumeExpectations, type Expected } from './expected';
export { extractPdfText, stopPdfTextExtractor } from './pdf-text';

export const PARSE_BACK_FORMATS: readonly ParseBackFormat[] = ['pdf', 'docx'];

export interface ParseBackOptions {
  /** For the PDF text extraction (a worker thread). */
  timeoutMs?: number;
}

/** Renders the document in each parse-back format and checks what its text gives back. */
export async function parseBack(document: RenderableDocument, options: ParseBackOptions = {}): Promise<ParseBackOutcome[]> {
  const expected = document.kind === 'resume' ? resumeExpectations(document.content) : coverLetterExpectations(document.content);
  const template = document.kind === 'resume' ? document.content.template : undefined;
  return Promise.all(PARSE_BACK_FORMATS.map(async (format) => {
    try {
      const file = await render(document, { format, template, metadata: { title: 'Parse-back', author: 'JobWise' } });
      return outcome(format, expected, await extractText(format, file, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    } catch (error) {
      return { format, ok: false, checked: expected.length, in_order: 0, issues: [], error: `The ${format.toUpperCase()} text could not be read back: ${(error as Error).message}`.slice(0, 500) };
    }
  }));
}

/** The outcome for an extracted text: exported for tests that feed it a broken extraction. */
export function outcome(format: ParseBackFormat, expected: Expected[], extracted: string): ParseBackOutcome {
  const { in_order, issues } = compareInOrder(extracted, expected);
  return { format, ok: issues.length === 0, checked: expected.length, in_order, issues, error: null };
}

async function extractText(format: ParseBackFormat, file: Buffer, timeoutMs: number): Promise<string> {
  const parts = format === 'pdf' ? await extractPdfText(file, timeoutMs) : extractDocxText(file);
  return parts.join('\n');
}
