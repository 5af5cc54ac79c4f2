import { JobSearchFilters } from '../../../contracts/job-search/filters';
import { annualSalaryMax, canonicalSkills, filterPredicates, matchesFilters, MatchableJob, postedSince } from '../../../src/job-search/filter-match';

const TODAY = '2026-11-30';

/** A job that every filter below could accept or refuse, one field at a time. */
const job = (overrides: Partial<MatchableJob> = {}): MatchableJob => ({
  location: 'Berlin, Germany',
  remote: 'hybrid',
  employment_type: 'full_time',
  experience_level: 'senior',
  source: 'static',
  skills: ['Kubernetes', 'PostgreSQL', 'React'],
  salary_range: { min: 60_000, max: 80_000, currency: 'EUR', period: 'year' },
  posted_date: '2026-11-25',
  ...overrides,
});

describe('annualSalaryMax', () => {
  it('annualises the top of the range: a year as is, a month × 12, an hour × 2,080', () => {
    expect(annualSalaryMax(job())).toBe(80_000);
    expect(annualSalaryMax(job({ salary_range: { min: 4000, max: 5000, currency: 'EUR', period: 'month' } }))).toBe(60_000);
    expect(annualSalaryMax(job({ salary_range: { min: 40, max: 50, currency: 'USD', period: 'hour' } }))).toBe(104_000);
  });

  it('is null for a job that publishes no salary', () => {
    expect(annualSalaryMax(job({ salary_range: null }))).toBeNull();
  });
});

describe('postedSince', () => {
  it('counts back from today, today included', () => {
    expect(postedSince(1, TODAY)).toBe('2026-11-30');
    expect(postedSince(2, TODAY)).toBe('2026-11-29');
    expect(postedSince(7, TODAY)).toBe('2026-11-24');
  });

  it('crosses month and year ends', () => {
    expect(postedSince(3, '2026-03-01')).toBe('2026-02-27');
    expect(postedSince(2, '2026-01-01')).toBe('2025-12-31');
  });
});

describe('canonicalSkills', () => {
  it('maps an alias to its canonical skill and keeps an unknown term as typed, lower-cased', () => {
    expect(canonicalSkills('k8s')).toEqual({ canonical: ['Kubernetes'] });
    expect(canonicalSkills('Postgres')).toEqual({ canonical: ['PostgreSQL'] });
    expect(canonicalSkills('Quillwork')).toEqual({ exact: 'quillwork' });
  });
});

describe('matchesFilters', () => {
  const cases: Array<[string, JobSearchFilters, Partial<MatchableJob>, boolean]> = [
    ['no filters accept any job', {}, {}, true],
    ['location is a case-insensitive part', { location: 'berlin' }, {}, true],
    ['location elsewhere', { location: 'Paris' }, {}, false],
    ['location filter refuses a job without a location', { location: 'Berlin' }, { location: null }, false],
    ['remote equal', { remote: 'hybrid' }, {}, true],
    ['remote different', { remote: 'remote' }, {}, false],
    ['remote filter refuses a job that does not say', { remote: 'remote' }, { remote: null }, false],
    ['employment type', { employment_type: 'contract' }, {}, false],
    ['experience level', { experience_level: 'senior' }, {}, true],
    ['source', { source: 'api' }, {}, false],
    ['salary minimum reached exactly', { salary_min: 80_000 }, {}, true],
    ['salary minimum above the top of the range', { salary_min: 80_001 }, {}, false],
    ['salary minimum against a monthly range, annualised', { salary_min: 59_000 }, { salary_range: { min: 4000, max: 5000, currency: 'EUR', period: 'month' } }, true],
    ['salary minimum against an hourly range, annualised', { salary_min: 105_000 }, { salary_range: { min: 40, max: 50, currency: 'USD', period: 'hour' } }, false],
    ['salary minimum refuses a job without a salary', { salary_min: 0 }, { salary_range: null }, false],
    ['salary currency', { salary_currency: 'USD' }, {}, false],
    ['salary currency and minimum together', { salary_min: 70_000, salary_currency: 'EUR' }, {}, true],
    ['posted within 6 days: 5 days ago is in', { posted_within_days: 6 }, {}, true],
    ['posted within 5 days: 5 days ago is out', { posted_within_days: 5 }, {}, false],
    ['posted within refuses a job without a posting date', { posted_within_days: 365 }, { posted_date: null }, false],
    ['skills through aliases', { skills: ['k8s', 'postgres'] }, {}, true],
    ['skills: every one is needed', { skills: ['k8s', 'Java'] }, {}, false],
    ['skills the taxonomy does not know match exactly, ignoring case', { skills: ['quillwork'] }, { skills: ['Quillwork'] }, true],
    ['everything at once', { location: 'germany', remote: 'hybrid', employment_type: 'full_time', experience_level: 'senior', source: 'static', salary_min: 75_000, posted_within_days: 7, skills: ['react'] }, {}, true],
  ];

  it.each(cases)('%s', (_name, filters, overrides, expected) => {
    expect(matchesFilters(job(overrides), filters, TODAY)).toBe(expected);
  });

  it('is exactly every predicate of filterPredicates, keyed by the filter it comes from', () => {
    const filters: JobSearchFilters = { location: 'berlin', remote: 'remote', salary_min: 10, skills: ['k8s'] };
    const tests = filterPredicates(filters, TODAY);
    expect(Object.keys(tests).sort()).toEqual(['location', 'remote', 'salary_min', 'skills']);
    expect(tests.remote!(job())).toBe(false);
    expect(tests.location!(job())).toBe(true);
    expect(matchesFilters(job(), filters, TODAY)).toBe(false);
    expect(matchesFilters(job({ remote: 'remote' }), filters, TODAY)).toBe(true);
  });
});
