import { JobSearchFilters } from '../../contracts/job-search/filters';
import { FacetCount, JobSearchFacets } from '../../contracts/job-search/http';
import { JobSearchDocument } from '../../contracts/job-search/read-model';
import { EmploymentType, ExperienceLevel, JobSource, RemotePolicy } from '../../contracts/jobs/job';
import { JobPredicate, postedSince } from './filter-match';

const TOP = 20;
export const SALARY_STEPS = [30_000, 50_000, 75_000, 100_000, 150_000, 200_000];
export const POSTED_STEPS = [1, 7, 14, 30];

type Tests = Partial<Record<keyof JobSearchFilters, JobPredicate>>;

/**
 * Facet counts with standard semantics: each facet counts the jobs that pass every filter but
 * the ones it stands for, so a chosen value does not hide the others. `jobs` are the jobs
 * before any filter (visible, active and, with `q`, matching it).
 */
export function facetCounts(jobs: JobSearchDocument[], tests: Tests, today: string): JobSearchFacets {
  const without = (...own: Array<keyof JobSearchFilters>) => {
    const others = Object.entries(tests).filter(([key]) => !own.includes(key as keyof JobSearchFilters)).map(([, test]) => test!);
    return others.length === 0 ? jobs : jobs.filter((job) => others.every((test) => test(job)));
  };
  return {
    remote: enumCounts(without('remote'), RemotePolicy.options, (job) => job.remote),
    employment_type: enumCounts(without('employment_type'), EmploymentType.options, (job) => job.employment_type),
    experience_level: enumCounts(without('experience_level'), ExperienceLevel.options, (job) => job.experience_level),
    source: enumCounts(without('source'), JobSource.options, (job) => job.source),
    location: topCounts(without('location').map((job) => (job.location ? [job.location] : []))),
    skills: topCounts(without('skills').map((job) => job.skills)),
    salary_min: thresholdCounts(without('salary_min'), SALARY_STEPS, (job, step) => (job.salary_annual_max ?? -1) >= step),
    posted_within_days: postedCounts(without('posted_within_days'), today),
  };
}

function enumCounts(jobs: JobSearchDocument[], values: readonly string[], of: (job: JobSearchDocument) => string | null): FacetCount[] {
  const counts = new Map(values.map((value) => [value, 0]));
  for (const job of jobs) {
    const value = of(job);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** The most frequent values (each job names each value once: the projection de-duplicates skills); ties by value. */
function topCounts(valuesPerJob: string[][]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const values of valuesPerJob) for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP)
    .map(([value, count]) => ({ value, count }));
}

function postedCounts(jobs: JobSearchDocument[], today: string): FacetCount[] {
  return POSTED_STEPS.map((days) => {
    const since = postedSince(days, today);
    return { value: String(days), count: jobs.filter((job) => job.posted_date !== null && job.posted_date >= since).length };
  });
}

function thresholdCounts(jobs: JobSearchDocument[], steps: number[], passes: (job: JobSearchDocument, step: number) => boolean): FacetCount[] {
  return steps.map((step) => ({ value: String(step), count: jobs.filter((job) => passes(job, step)).length }));
}
