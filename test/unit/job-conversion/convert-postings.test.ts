import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConversionResult } from '../../../contracts/jobs/job';
import { convertText } from '../../../src/job-conversion';

const posting = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** Converts a fixture and checks the result honours the response contract. */
function converted(name: string) {
  const result = convertText(posting(name));
  expect(ConversionResult.safeParse(result).success).toBe(true);
  return result;
}

describe('convertText on realistic postings', () => {
  it('given a markdown posting with "<title> at <company>" and labelled fields, then every section lands in its field', () => {
    const { job, confidence, warnings } = converted('markdown-headed.txt');

    expect(job).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Lumenfield Software',
      location: 'Berlin, Germany',
      remote: 'hybrid',
      employment_type: 'full_time',
      experience_level: 'senior',
      salary_range: { min: 120000, max: 150000, currency: 'USD', period: 'year' },
      application_url: 'https://jobs.example.com/lumenfield/sbe-17',
      expires_date: '2026-04-30',
    });
    expect(job.responsibilities).toEqual([
      'Design, build and operate Node.js services for the booking engine',
      'Lead design reviews and write architecture decision records',
      'Mentor two mid-level engineers',
    ]);
    expect(job.requirements).toEqual([
      '5+ years of professional backend development',
      'Strong TypeScript and Node.js skills',
      'Experience with PostgreSQL and event-driven architecture (Kafka or RabbitMQ)',
      'Nice to have: Kubernetes (k8s)',
      'Nice to have: Experience with machine learning pipelines',
    ]);
    expect(job.benefits).toEqual(['30 days of paid vacation', 'EUR 1,500 yearly learning budget']);
    expect(job.description).toMatch(/^Lumenfield builds scheduling software/);
    expect(job.description).not.toMatch(/equal opportunity/);
    expect(confidence.salary_range).toBeGreaterThanOrEqual(0.9);
    expect(warnings).toEqual([]);
  });

  it('given a LinkedIn-style paste, then meta lines give location, remote, type and pay but the unmarked company is not used', () => {
    const { job, confidence, warnings } = converted('linkedin-paste.txt');

    expect(job).toMatchObject({
      title: 'Data Engineer',
      company: null,
      location: 'Rotterdam, Netherlands',
      remote: 'hybrid',
      employment_type: 'full_time',
      experience_level: 'mid',
      salary_range: { min: 60000, max: 75000, currency: 'EUR', period: 'year' },
    });
    expect(job.responsibilities).toHaveLength(2);
    expect(job.requirements).toEqual([
      '3+ years of data engineering experience',
      'Strong SQL and Python',
      'Experience with dbt and Snowflake or BigQuery',
    ]);
    expect(job.description).toContain('Greenline runs refrigerated freight');
    expect(confidence.company).toBe(0);
    expect(confidence.salary_range).toBeLessThan(0.7);
    expect(warnings).toEqual(expect.arrayContaining(['Pay period not stated; assumed per year']));
  });

  it('given plain headings with numbered, "•" and "*" lists, then each list is read and line 2 is not taken as the company', () => {
    const { job, confidence } = converted('unmarked-company.txt');

    expect(job).toMatchObject({ title: 'Senior Data Engineer', company: null, location: 'Berlin, Germany', remote: 'hybrid' });
    expect(job.responsibilities).toEqual([
      'Design and maintain ELT pipelines in dbt',
      'Own data quality monitoring',
      'Work with analysts on the semantic layer',
    ]);
    expect(job.requirements).toEqual(['5+ years in data engineering', 'Expert SQL; Python', 'Experience with Airflow or Dagster']);
    expect(job.benefits).toEqual(['Company pension', 'Free lunch on office days']);
    expect(job.salary_range).toBeNull();
    expect(confidence).toMatchObject({ company: 0, salary_range: 0, location: 0.95 });
  });

  it('given "<Company> is hiring a <Title> (Contract)" and ALL CAPS headings, then company, title and contract type are read', () => {
    const { job } = converted('caps-headings.txt');

    expect(job).toMatchObject({
      title: 'Android Developer',
      company: 'Saltmarsh Studio',
      employment_type: 'contract',
      remote: 'remote',
      location: 'Europe',
      salary_range: { min: 45, max: 45, currency: 'USD', period: 'hour' },
      experience_level: 'senior',
    });
    expect(job.responsibilities).toEqual(['Rebuild the player UI', 'Implement offline downloads']);
    expect(job.requirements).toContain('Bonus: Android Auto experience');
    expect(job.description).toBe(
      'We make podcast and audiobook apps for publishers.\n\nA six-month contract to rebuild our player app in Jetpack Compose.',
    );
  });

  it('given a form-like paste with each label on its own line, then labels, dates, id and apply link are read', () => {
    const { job, confidence, warnings } = converted('labelled-form.txt');

    expect(job).toMatchObject({
      title: 'Registered Nurse, Medical-Surgical Unit',
      company: 'Lakeshore Community Hospital',
      location: 'Cleveland, OH',
      employment_type: 'full_time',
      remote: 'onsite',
      external_job_id: 'RN-4471',
      posted_date: '2026-03-06',
      expires_date: '2026-05-15',
      application_url: 'https://careers.example.org/lakeshore/rn-4471',
      experience_level: 'entry',
    });
    expect(job.responsibilities).toEqual([
      'Assess, plan and deliver patient care',
      'Administer medications and monitor responses',
      'Educate patients and families before discharge',
    ]);
    expect(job.requirements).toEqual(['Active Ohio RN licence', 'BLS certification', '1+ year of acute care nursing experience']);
    expect(confidence).toMatchObject({ title: 0.95, company: 0.95, expires_date: 0.95 });
    expect(warnings).toEqual([]);
  });

  it('given intro lines ending in ":" and an "About <Company>" heading, then intros open lists and the heading names the company', () => {
    const { job } = converted('about-company-intros.txt');

    expect(job).toMatchObject({
      title: 'DevOps Engineer',
      company: 'Cobalt Freight',
      remote: 'hybrid',
      salary_range: { min: 18000, max: 24000, currency: 'PLN', period: 'month' },
    });
    expect(job.responsibilities).toEqual(['Operate and improve our Kubernetes clusters', 'Automate infrastructure with Terraform']);
    expect(job.requirements).toEqual([
      '3+ years of DevOps experience',
      'Hands-on k8s and Helm',
      'Terraform',
      'Nice to have: Prometheus and Grafana',
    ]);
    expect(job.benefits).toHaveLength(2);
    expect(job.description).toMatch(/^Cobalt Freight is a digital freight forwarder/);
  });

  it('given a single paragraph with no structure, then it becomes the description and nothing is made up', () => {
    const { job, confidence, warnings } = converted('prose-only.txt');

    expect(job).toMatchObject({ title: null, company: null, salary_range: null, remote: 'remote', requirements: [] });
    expect(job.description).toBe(posting('prose-only.txt').trim());
    expect(confidence).toMatchObject({ title: 0, company: 0, salary_range: 0 });
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^No job title/), expect.stringMatching(/^No company name/), expect.stringMatching(/^No requirements/)]),
    );
  });
});
