import { validateJob } from '../../../src/job-conversion';

const TODAY = '2026-04-15';
const goodJob = {
  title: 'Site Reliability Engineer',
  company: 'Fernway Payments',
  location: 'Dublin, Ireland',
  remote: 'hybrid',
  description:
    'Fernway processes card payments for small merchants in twelve European countries. Our SRE team sets SLOs, builds tooling and leads incident response for the payment platform, so that shops can always take money.',
  requirements: ['5+ years in SRE or backend roles', 'Kubernetes and Terraform'],
  responsibilities: ['Own SLOs for payment services', 'Lead incident reviews'],
  posted_date: '2026-04-01',
  expires_date: '2026-05-01',
};

const problemsOf = (doc: unknown) => validateJob(doc, TODAY).problems;

describe('validateJob', () => {
  it('given a complete job, then it is valid with no problems', () => {
    expect(validateJob(goodJob, TODAY)).toEqual({ valid: true, problems: [] });
  });

  it('given several bad fields, then each is reported as an error at its own path', () => {
    const result = validateJob(
      {
        ...goodJob,
        title: '',
        remote: 'sometimes',
        salary_range: { min: 100, max: 50, currency: 'usd', period: 'week' },
        requirements: ['Kubernetes', ''],
        posted_date: '2026-02-30',
        tittle: 'typo',
      },
      TODAY,
    );

    expect(result.valid).toBe(false);
    const errorPaths = result.problems.filter((p) => p.severity === 'error').map((p) => p.path);
    expect(errorPaths).toEqual(
      expect.arrayContaining(['title', 'remote', 'salary_range.currency', 'salary_range.period', 'requirements.1', 'posted_date', 'tittle']),
    );
    expect(result.problems).toContainEqual({ path: 'tittle', message: 'is not a known field', severity: 'error' });
  });

  it('given salary min above max, then salary_range.min is an error', () => {
    const problems = problemsOf({ ...goodJob, salary_range: { min: 90000, max: 70000, currency: 'EUR', period: 'year' } });

    expect(problems).toContainEqual({ path: 'salary_range.min', message: 'must not be greater than max', severity: 'error' });
  });

  it('given an expiry before the posting date, then expires_date is an error', () => {
    expect(problemsOf({ ...goodJob, posted_date: '2026-04-01', expires_date: '2026-03-01' })).toContainEqual({
      path: 'expires_date',
      message: 'must not be before posted_date',
      severity: 'error',
    });
  });

  it('given a valid but thin job, then quality issues are warnings and the job is still valid', () => {
    const result = validateJob(
      { title: 'Barista', company: 'Bean There', description: 'Make coffee.', expires_date: '2026-04-01' },
      TODAY,
    );

    expect(result.valid).toBe(true);
    expect(result.problems.map(({ path, severity }) => `${severity}:${path}`).sort()).toEqual([
      'warning:description',
      'warning:expires_date',
      'warning:location',
      'warning:requirements',
      'warning:responsibilities',
    ]);
  });

  it('given a fully remote job without a location, then no location warning is raised', () => {
    expect(problemsOf({ ...goodJob, location: null, remote: 'remote' })).toEqual([]);
  });

  it('given a repeated requirement and a very wide salary range, then both are warned about', () => {
    const problems = problemsOf({
      ...goodJob,
      requirements: ['Go', 'Kubernetes', 'go '],
      salary_range: { min: 20000, max: 200000, currency: 'EUR', period: 'year' },
    });

    expect(problems.map((p) => p.path)).toEqual(['requirements.2', 'salary_range']);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('given something that is not an object, then the root is reported', () => {
    expect(validateJob('a job', TODAY)).toEqual({
      valid: false,
      problems: [expect.objectContaining({ path: '(root)', severity: 'error' })],
    });
  });
});
