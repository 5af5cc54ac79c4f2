import { AlertFrequency } from '../../../contracts/job-search/alerts-events';
import { JobSearchFilters } from '../../../contracts/job-search/filters';
import { JobDocument } from '../../../contracts/jobs/read-model';
import { queryTerms } from '../../keywords';
import { matchesFilters } from '../filter-match';

export interface AlertCandidate {
  alert_id: string;
  user_id: string;
  frequency: AlertFrequency;
  /** When the alert was created: it tells about jobs that became active after that, not before. */
  created_at: string;
  query: string | null;
  filters: JobSearchFilters;
}

export type MatchableJob = Pick<
  JobDocument,
  'id' | 'user_id' | 'status' | 'expires_date' | 'search_terms' | 'location' | 'remote' | 'employment_type' | 'experience_level' | 'source' | 'skills' | 'salary_range' | 'posted_date'
>;

/** A job the alerts may tell about: active on `today` (not past its expiry date). */
export const isActive = (job: Pick<MatchableJob, 'status' | 'expires_date'>, today: string): boolean =>
  job.status === 'active' && (job.expires_date === null || job.expires_date >= today);

/** Only the owner sees a job somebody owns; a job nobody owns (catalogue, job boards) is everyone's. */
export const visibleTo = (job: Pick<MatchableJob, 'user_id'>, user_id: string): boolean => job.user_id === null || job.user_id === user_id;

/**
 * Whether a job has the query words, as the search finds it: the search ranks every job that has
 * at least one query term, so an alert fires for a job with at least one (ANY, not ALL). A query
 * without a searchable term matches nothing, as the search shows nothing for it.
 */
export function matchesQuery(job: Pick<MatchableJob, 'search_terms'>, query: string | null): boolean {
  if (query === null) return true;
  const have = new Set(job.search_terms);
  return queryTerms(query).some((term) => have.has(term));
}

/** The criteria of a saved search (query and filters, see contracts/job-search/filters.ts) on one job. */
export const matchesCriteria = (job: MatchableJob, criteria: Pick<AlertCandidate, 'query' | 'filters'>, today: string): boolean =>
  matchesQuery(job, criteria.query) && matchesFilters(job, criteria.filters, today);

const SPEED: Record<AlertFrequency, number> = { instant: 0, daily: 1, weekly: 2 };

/**
 * Who to tell about a job that has just become active (at `activated_at`), and how: per user, the
 * fastest frequency among their alerts that match it (one instant alert beats a weekly one, and
 * two matching alerts still make one alert). Never a user who may not see the job. Pure.
 */
export function alertsFor(job: MatchableJob, alerts: readonly AlertCandidate[], activated_at: string, today: string): Map<string, Pick<AlertCandidate, 'alert_id' | 'frequency'>> {
  const chosen = new Map<string, Pick<AlertCandidate, 'alert_id' | 'frequency'>>();
  if (!isActive(job, today)) return chosen;
  for (const alert of alerts) {
    if (!visibleTo(job, alert.user_id) || alert.created_at > activated_at || !matchesCriteria(job, alert, today)) continue;
    const current = chosen.get(alert.user_id);
    const better = !current || SPEED[alert.frequency] < SPEED[current.frequency] || (SPEED[alert.frequency] === SPEED[current.frequency] && alert.alert_id < current.alert_id);
    if (better) chosen.set(alert.user_id, { alert_id: alert.alert_id, frequency: alert.frequency });
  }
  return chosen;
}
