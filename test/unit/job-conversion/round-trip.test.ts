import type { JobContent } from '../../../contracts/jobs/job';
import { loadStaticCatalogue } from '../../../src/jobs/catalogue/catalogue';
import { convertText } from '../../../src/job-conversion';

const PERIOD = { year: 'per year', month: 'per month', hour: 'per hour' };
/** "(Contract)", "(Part-Time)" and the like move from the title into employment_type. */
const withoutTypeTail = (title: string) => title.replace(/\s*\([^)]*\b(contract|part-time|temporary)\b[^)]*\)$/i, '');

/** Renders a catalogue job the way a careers page would show it. */
function asPosting(job: JobContent): string {
  const pay = job.salary_range;
  const bullets = (items: string[]) => items.map((item) => `- ${item}`).join('\n');
  return [
    `${job.title} at ${job.company}`,
    job.location ? `Location: ${job.location}` : '',
    pay ? `Salary: ${pay.currency} ${pay.min.toLocaleString('en-US')} - ${pay.currency} ${pay.max.toLocaleString('en-US')} ${PERIOD[pay.period]}` : '',
    '',
    'About the role',
    job.description,
    '',
    'Responsibilities',
    bullets(job.responsibilities),
    '',
    'Requirements',
    bullets(job.requirements),
    '',
    'Benefits',
    bullets(job.benefits),
  ].join('\n');
}

describe('convertText round trip over the static catalogue', () => {
  it.each(loadStaticCatalogue().map((entry) => [entry.catalogue_id, entry.content] as const))(
    'given %s rendered as a posting, then its fields come back',
    (_id, content) => {
      const { job } = convertText(asPosting(content));

      expect(job).toMatchObject({
        title: withoutTypeTail(content.title),
        company: content.company,
        salary_range: content.salary_range,
        requirements: content.requirements,
        responsibilities: content.responsibilities,
        benefits: content.benefits,
        description: content.description,
      });
      expect(job.location).toBe(content.location?.replace(/\s*\(remote\)$/, '') ?? null);
    },
  );
});
