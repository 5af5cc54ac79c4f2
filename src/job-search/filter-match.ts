import { JobSearchFilters, ANNUAL_FACTOR } from '../../contracts/job-search/filters';
import { JobView } from '../../contracts/jobs/read-model';
import { extractSkills } from '../keywords';

export type MatchableJob = Pick<JobView, 'location' | 'remote' | 'employment_type' | 'experience_level' | 'source' | 'skills' | 'salary_range' | 'posted_date'>;

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

/** One filter's test of a job. */
export type JobPredicate = (job: MatchableJob) => boolean;

/**
 * The filters as one test each, keyed by the filter they come from, with what can be worked out
 * once (the canonical skills, the first allowed day) worked out once: a search tests thousands
 * of jobs, and a facet applies every filter but its own. `matchesFilters` is all of them.
 */
export function filterPredicates(filters: JobSearchFilters, today: string): Partial<Record<keyof JobSearchFilters, JobPredicate>> {
  const tests: Partial<Record<keyof JobSearchFilters, JobPredicate>> = {};
  const { location, remote, employment_type, experience_level, source, salary_min, salary_currency, posted_within_days, skills } = filters;
  if (location) {
    const part = location.toLowerCase();
    tests.location = (job) => (job.location ?? '').toLowerCase().includes(part);
  }
  if (remote) tests.remote = (job) => job.remote === remote;
  if (employment_type) tests.employment_type = (job) => job.employment_type === employment_type;
  if (experience_level) tests.experience_level = (job) => job.experience_level === experience_level;
  if (source) tests.source = (job) => job.source === source;
  if (salary_min !== undefined) {
    tests.salary_min = (job) => {
      const max = annualSalaryMax(job);
      return max !== null && max >= salary_min;
    };
  }
  if (salary_currency) tests.salary_currency = (job) => job.salary_range?.currency === salary_currency;
  if (posted_within_days !== undefined) {
    const since = postedSince(posted_within_days, today);
    tests.posted_within_days = (job) => job.posted_date !== null && job.posted_date >= since;
  }
  if (skills && skills.length > 0) {
    const wanted = skills.map(canonicalSkills);
    tests.skills = (job) =>
      wanted.every((w) => ('canonical' in w ? w.canonical.every((s) => job.skills.includes(s)) : job.skills.some((s) => s.toLowerCase() === w.exact)));
  }
  return tests;
}

/**
 * Whether one job passes the filters, the same rules as the search's read-store filter (see
 * contracts/job-search/filters.ts). Pure: the alert matcher runs it on each newly active job.
 */
export function matchesFilters(job: MatchableJob, filters: JobSearchFilters, today: string): boolean {
  return Object.values(filterPredicates(filters, today)).every((test) => test(job));
}
