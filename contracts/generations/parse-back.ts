import { z } from 'zod';

/**
 * Parse-back: whether the exported files give their text back. The export stage renders the PDF
 * and the DOCX once, extracts their text again (a PDF text extractor; the DOCX's word/document.xml)
 * and looks for every section heading and every item's title (role and employer, degree and
 * school) and meta (dates and place) of the resume, or every paragraph of the cover letter, in
 * reading order. What an ATS cannot read back it cannot rank.
 *
 * A report names places in the content by path, never by their text, so it holds nothing
 * personal.
 */

export const ParseBackFormat = z.enum(['pdf', 'docx']);
export type ParseBackFormat = z.infer<typeof ParseBackFormat>;

export const ParseBackIssue = z.strictObject({
  /** `sections[2].heading`, `sections[2].items[0].title`, `sections[2].items[0].meta` or `paragraphs[1]`. */
  path: z.string().min(1).max(100),
  /** `missing`: the text is nowhere in the extraction; `out_of_order`: it is, but not where the reading order puts it. */
  problem: z.enum(['missing', 'out_of_order']),
});
export type ParseBackIssue = z.infer<typeof ParseBackIssue>;

export const ParseBackOutcome = z.strictObject({
  format: ParseBackFormat,
  /** Every text was found, in order. */
  ok: z.boolean(),
  /** How many texts were looked for. */
  checked: z.number().int().min(0),
  /** How many of them came back in reading order. */
  in_order: z.number().int().min(0),
  issues: z.array(ParseBackIssue),
  /** Why no text could be extracted at all (then `ok` is false and `in_order` 0); null otherwise. */
  error: z.string().max(500).nullable(),
});
export type ParseBackOutcome = z.infer<typeof ParseBackOutcome>;

export const ParseBackReport = z.strictObject({
  /** Every outcome below is ok. */
  ok: z.boolean(),
  /** One outcome per format; empty when there is no resume. */
  resume: z.array(ParseBackOutcome),
  /** One outcome per format; empty when there is no cover letter. */
  cover_letter: z.array(ParseBackOutcome),
});
export type ParseBackReport = z.infer<typeof ParseBackReport>;
