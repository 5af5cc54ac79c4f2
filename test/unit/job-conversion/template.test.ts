import { JobContentInput, JobField, JobTemplate } from '../../../contracts/jobs/job';
import { jobTemplate } from '../../../src/job-conversion';

describe('jobTemplate', () => {
  const template = jobTemplate();

  it('given the template, then it satisfies its contract and the example is a valid job', () => {
    expect(JobTemplate.safeParse(template).success).toBe(true);
    expect(JobContentInput.safeParse(template.example).success).toBe(true);
  });

  it('given the template, then it describes every field of the contract in order', () => {
    expect(template.fields.map((field) => field.name)).toEqual(JobField.options);
    expect(template.fields.every((field) => field.description.length > 0)).toBe(true);
  });

  it('given the field rows, then limits, enums and formats come from the schema', () => {
    const field = (name: string) => template.fields.find((f) => f.name === name);

    expect(field('title')).toMatchObject({ type: 'string', required: true, nullable: false, max_length: 200 });
    expect(field('location')).toMatchObject({ type: 'string', required: false, nullable: true, max_length: 200 });
    expect(field('remote')).toMatchObject({ type: 'enum', allowed_values: ['onsite', 'hybrid', 'remote'] });
    expect(field('requirements')).toMatchObject({ type: 'array of string', max_items: 100, max_length: 1000 });
    expect(field('posted_date')).toMatchObject({ format: 'date', nullable: true });
    expect(field('salary_range')?.type).toBe('object {min, max, currency, period}');
  });
});
