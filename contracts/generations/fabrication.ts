import { z } from 'zod';

/**
 * What the fabrication checker reports: a fact in generated content (resume or cover letter,
 * deterministic or LLM-written) that the master profile does not support. `text` is the
 * offending token, `line` the whole line it sits in, `path` where that line is in the content
 * (`sections[2].items[0].lines[1]`, `paragraphs[3].lines[0]`).
 */
export const ViolationKind = z.enum([
  'number',
  'percentage',
  'amount',
  'date',
  'employer',
  'title',
  'institution',
  'degree',
  'certification',
  'skill',
  'target_company_as_employer',
  'unknown_source',
]);
export type ViolationKind = z.infer<typeof ViolationKind>;

export const Violation = z.strictObject({
  kind: ViolationKind,
  text: z.string(),
  line: z.string(),
  path: z.string(),
});
export type Violation = z.infer<typeof Violation>;
