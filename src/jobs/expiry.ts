import { JobStatus } from '../../contracts/jobs/job';

/**
 * Expiry: an active job whose `expires_date` lies before today (UTC) is expired. Reads show
 * the effective status at once; the expiry sweeper later records it as `JobExpired`.
 */

/** `2026-11-24T10:00:00.000Z` → `2026-11-24`: the date, in UTC, that expiry compares against. */
export const todayOf = (now: string): string => now.slice(0, 10);

export const isOverdue = (expires_date: string | null, today: string): boolean => expires_date !== null && expires_date < today;

export function effectiveStatus(job: { status: JobStatus; expires_date: string | null }, today: string): JobStatus {
  return job.status === 'active' && isOverdue(job.expires_date, today) ? 'expired' : job.status;
}
