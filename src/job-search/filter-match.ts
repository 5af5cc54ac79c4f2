import { JobSearchFilters, ANNUAL_FACTOR } from '../../contracts/job-search/filters';
import { JobView } from '../../contracts/jobs/read-model';
import { extractSkills } from '../keywords';

type MatchableJob = Pick<JobView, 'location' | 'remote' | 'employment_type' | 'experience_level' | 'source' | 'skills' | 'salary_range' | 'posted_date'>;

/** The top of a job's advertised pay per year, or null when it publishes none. */
export function annualSalaryMax(job: Pick<JobView, 'salary_range'>): number | null {
  const range = job.salary_range;
  return range ? range.max * ANNUAL_FACTOR[range.period] : null;
}

/** The first day `posted_within_days` allows, as YYYY-MM-DD: today for 1, yesterday for 2. */
export function postedSince(days: number, today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - (days - 1));
  return date.toISOString().slice(0, 10);
}

/** The canonical skills a typed skill stands for, or the typed text lower-cased when the taxonomy does not know it. */
export function canonicalSkills(term: string): { canonical: string[] } | { exact: string } {
  const canonical = [...new Set(extractSkills(term).map((found) => found.skill))];
  return canonical.length > 0 ? { canonical } : { exact: term.toLowerCase() };
}

/**
 * Whether one job passes the filters, the same rules as the search's read-store filter (see
 * contracts/job-search/filters.ts). Pure: the alert matcher runs it on each newly active job.
 */
export function matchesFilters(job: MatchableJob, filters: JobSearchFilters, today: string): boolean {
  if (filters.location && !(job.location ?? '').toLowerCase().includes(filters.location.toLowerCase())) return false;
  if (filters.remote && job.remote !== filters.remote) return false;
  if (filters.employment_type && job.employment_type !== filters.employment_type) return false;
  if (filters.experience_level && job.experience_level !== filters.experience_level) return false;
  if (filters.source && job.source !== filters.source) return false;
  if (filters.salary_min !== undefined) {
    const max = annualSalaryMax(job);
    if (max === null || max < filters.salary_min) return false;
  }
  if (filters.salary_currency && job.salary_range?.currency !== filters.salary_currency) return false;
  if (filters.posted_within_days !== undefined && (!job.posted_date || job.posted_date < postedSince(filters.posted_within_days, today))) return false;
  for (const skill of filters.skills ?? []) {
    const wanted = canonicalSkills(skill);
    const has = 'canonical' in wanted ? wanted.canonical.every((s) => job.skills.includes(s)) : job.skills.some((s) => s.toLowerCase() === wanted.exact);
    if (!has) return false;
  }
  return true;
}
