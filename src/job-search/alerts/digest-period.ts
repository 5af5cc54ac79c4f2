import { DigestPeriod } from '../../../contracts/job-search/alerts-events';
import { ID_NAMESPACES, uuidV5 } from '../../shared/ids';

const DAY_MS = 86_400_000;

/**
 * The period a digest gathers matches over: a UTC day for `daily`, an ISO week (Monday 00:00 UTC
 * to the next Monday) for `weekly`. `start` is inside the period, `end` is not.
 */
export function periodOf(frequency: DigestPeriod, at: string): { start: string; end: string } {
  const date = new Date(at);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const start = frequency === 'daily' ? midnight : midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  const end = start + (frequency === 'daily' ? DAY_MS : 7 * DAY_MS);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** The digest of one user, frequency and period: the same inputs give the same id. */
export const digestIdOf = (user_id: string, frequency: DigestPeriod, period_start: string): string =>
  uuidV5(`${user_id}/${frequency}/${period_start}`, ID_NAMESPACES.job_alert_digest);
