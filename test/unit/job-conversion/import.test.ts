import { DomainError } from '../../../src/shared/errors';
import { fromImportDocument, jobTemplate } from '../../../src/job-conversion';

const jsonResumeJob = {
  title: 'Web Developer',
  company: 'Harborline Systems',
  type: 'Full-time',
  date: '2026-02-10',
  description: 'Build and maintain the web apps our port customers use every day.',
  location: { address: '1 Harbour St', postalCode: 'M5J 2N1', city: 'Toronto', countryCode: 'CA', region: 'ON' },
  remote: 'Hybrid',
  salary: 'CA$95,000 - CA$115,000 per year',
  experience: 'Mid-level',
  responsibilities: ['Build and maintain web APIs', 'Work with product designers'],
  qualifications: ['3+ years of web development', "Bachelor's degree in Computer Science or equivalent"],
  skills: [
    { name: 'Web Development', level: 'Expert', keywords: ['HTML', 'CSS', 'JavaScript'] },
    { name: 'Databases', keywords: ['PostgreSQL'] },
  ],
  meta: { version: 'v1.0.0' },
};

/** Runs the import and returns the DomainError it throws. */
function importError(doc: unknown): DomainError {
  try {
    fromImportDocument(doc);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('fromImportDocument with a JSON Resume job', () => {
  it('given a full document, then every field maps onto our content', () => {
    expect(fromImportDocument(jsonResumeJob)).toEqual({
      title: 'Web Developer',
      company: 'Harborline Systems',
      location: 'Toronto, ON, CA',
      remote: 'hybrid',
      employment_type: 'full_time',
      experience_level: 'mid',
      salary_range: { min: 95000, max: 115000, currency: 'CAD', period: 'year' },
      description: 'Build and maintain the web apps our port customers use every day.',
      requirements: [
        '3+ years of web development',
        "Bachelor's degree in Computer Science or equivalent",
        'Web Development (Expert): HTML, CSS, JavaScript',
        'Databases: PostgreSQL',
      ],
      responsibilities: ['Build and maintain web APIs', 'Work with product designers'],
      benefits: [],
      industry: null,
      posted_date: '2026-02-10',
      expires_date: null,
      external_job_id: null,
      application_url: null,
    });
  });

  it('given remote "Full" / "None", a month-only date and an unreadable salary, then they map or stay empty', () => {
    const remote = fromImportDocument({ ...jsonResumeJob, remote: 'Full', date: '2026-02', salary: 'Competitive' });
    const onsite = fromImportDocument({ ...jsonResumeJob, remote: 'None', experience: '6+ years' });

    expect(remote).toMatchObject({ remote: 'remote', posted_date: null, salary_range: null });
    expect(onsite).toMatchObject({ remote: 'onsite', experience_level: 'senior' });
  });

  it('given wrong types, then the error names each field in JSON Resume terms', () => {
    const error = importError({ ...jsonResumeJob, remote: 'Sometimes', qualifications: 'Python' });

    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['qualifications', 'remote']);
  });

  it('given a document without title and description, then the missing fields are reported', () => {
    const { title: _title, description: _description, ...rest } = jsonResumeJob;

    expect(importError(rest).fields.map((f) => f.path).sort()).toEqual(['description', 'title']);
  });

  it('given unknown extra keys, then they are tolerated', () => {
    expect(fromImportDocument({ ...jsonResumeJob, x_source: 'careers page' }).title).toBe('Web Developer');
  });
});

describe('fromImportDocument with our own format', () => {
  it('given a minimal body, then defaults fill the optional fields', () => {
    expect(fromImportDocument({ title: 'Barista', company: 'Bean There', description: 'Make coffee.' })).toMatchObject({
      location: null,
      requirements: [],
      salary_range: null,
    });
  });

  it('given the whole template response, then its example is imported', () => {
    const template = jobTemplate();

    expect(fromImportDocument(template)).toEqual(template.example);
  });

  it('given a typo in a field name, then the unknown field is reported', () => {
    const error = importError({ title: 'Barista', company: 'Bean There', description: 'Make coffee.', requirments: [] });

    expect(error.fields).toEqual([{ path: 'requirments', message: 'is not a known field' }]);
  });

  it('given an array, then the root is reported', () => {
    expect(importError([1, 2]).fields).toEqual([{ path: '(root)', message: 'must be an object' }]);
  });
});
