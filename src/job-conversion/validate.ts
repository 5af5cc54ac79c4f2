import type { z } from 'zod';
import { JobContentInput, type ValidationProblem, type ValidationResult } from '../../contracts/jobs/job';

/**
 * Checks a job document against the contract (errors, one per failing field) and against
 * what makes a posting useful for tailoring (warnings). `today` is YYYY-MM-DD, passed in so the
 * function stays pure.
 */
export function validateJob(doc: unknown, today: string): ValidationResult {
  const parsed = JobContentInput.safeParse(doc);
  const errors = parsed.success ? [] : parsed.error.issues.flatMap(toProblems);
  const isObject = doc !== null && typeof doc === 'object' && !Array.isArray(doc);
  const problems = [...errors, ...(isObject ? qualityWarnings(doc as Record<string, unknown>, today) : [])];
  return { valid: errors.length === 0, problems };
}

/** `requirements.2`, `salary_range.min`; the document itself is `(root)`. */
export const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

export function toProblems(issue: z.core.$ZodIssue): ValidationProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'is not a known field', severity: 'error' }));
  }
  return [{ path: pathOf(issue.path), message: issue.message, severity: 'error' }];
}

const MIN_DESCRIPTION = 150;

function qualityWarnings(doc: Record<string, unknown>, today: string): ValidationProblem[] {
  const warn = (path: string, message: string): ValidationProblem => ({ path, message, severity: 'warning' });
  const warnings: ValidationProblem[] = [];
  const description = typeof doc.description === 'string' ? doc.description.trim() : '';
  if (description && description.length < MIN_DESCRIPTION) {
    warnings.push(warn('description', `is short (${description.length} characters); paste the full posting for better keyword matching`));
  }
  for (const list of ['requirements', 'responsibilities'] as const) {
    const items = doc[list];
    if (items === undefined || (Array.isArray(items) && items.length === 0)) warnings.push(warn(list, 'is empty'));
    if (Array.isArray(items)) warnings.push(...duplicates(items).map((i) => warn(`${list}.${i}`, 'repeats an earlier item')));
  }
  if (isDate(doc.expires_date) && doc.expires_date < today) warnings.push(warn('expires_date', 'is in the past'));
  if (isDate(doc.posted_date) && doc.posted_date > today) warnings.push(warn('posted_date', 'is in the future'));
  if ((doc.location === undefined || doc.location === null) && doc.remote !== 'remote') {
    warnings.push(warn('location', 'is empty; add where the job is based unless it is fully remote'));
  }
  const salary = asRecord(doc.salary_range);
  if (typeof salary.min === 'number' && typeof salary.max === 'number' && salary.min > 0 && salary.max > salary.min * 3) {
    warnings.push(warn('salary_range', 'max is more than three times min; check the figures'));
  }
  return warnings;
}

function duplicates(items: unknown[]): number[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    if (typeof item !== 'string') return [];
    const key = item.trim().toLowerCase();
    if (seen.has(key)) return [i];
    seen.add(key);
    return [];
  });
}

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
