import { ConvertedJob, type ConversionResult, type FieldConfidence } from '../../contracts/jobs/job';

const LIMITS = { description: 20000, listItems: 100, itemLength: 1000 };
const LISTS = ['requirements', 'responsibilities', 'benefits'] as const;

/** Trims over-long text and drops any value the contract would still reject, so the result always parses. */
export function fitToContract(job: ConvertedJob, confidence: FieldConfidence, warnings: string[]): ConversionResult {
  const fitted: Record<string, unknown> = { ...job };
  const notes = [...warnings];
  if (job.description && job.description.length > LIMITS.description) {
    fitted.description = `${job.description.slice(0, LIMITS.description - 1).trimEnd()}…`;
    notes.push(`description was cut to ${LIMITS.description} characters`);
  }
  for (const list of LISTS) {
    const items = job[list].map((item) => (item.length > LIMITS.itemLength ? `${item.slice(0, LIMITS.itemLength - 1)}…` : item));
    if (items.length > LIMITS.listItems) notes.push(`${list} had ${items.length} items; kept the first ${LIMITS.listItems}`);
    fitted[list] = items.slice(0, LIMITS.listItems);
  }
  const sure = { ...confidence };
  const parsed = ConvertedJob.safeParse(fitted);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] as keyof FieldConfidence;
    fitted[field] = Array.isArray(fitted[field]) ? [] : null;
    sure[field] = 0;
    notes.push(`${field} was dropped: ${issue.message}`);
  }
  return { job: ConvertedJob.parse(fitted), confidence: sure, warnings: notes };
}
