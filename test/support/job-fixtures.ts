import { JobContent, JobContentInput } from '../../contracts/jobs/job';

/** A realistic job body (POST /jobs), built fresh for each test. */
export const jobBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Senior Platform Engineer',
  company: 'Quillmark Analytics',
  location: 'Amsterdam, Netherlands',
  remote: 'hybrid',
  employment_type: 'full_time',
  experience_level: 'senior',
  salary_range: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
  description:
    'Quillmark builds reporting tools for logistics companies. The platform team runs the Kubernetes clusters, the CI/CD pipelines and the observability stack every product team ships on.',
  requirements: [
    '6+ years of experience operating production infrastructure',
    'Deep knowledge of Kubernetes and Terraform on AWS',
    'Strong Go or Python scripting skills',
    'Nice to have: experience with Prometheus and Grafana',
  ],
  responsibilities: ['Run and evolve our Kubernetes platform', 'Own the CI/CD pipelines', 'Mentor engineers on reliability practices'],
  benefits: ['32 days of paid leave', 'Learning budget'],
  industry: 'software',
  posted_date: '2026-11-01',
  expires_date: null,
  external_job_id: 'QM-311',
  application_url: 'https://jobs.quillmark.example/qm-311',
  ...overrides,
});

/** The same, as parsed content with every default applied. */
export const jobContent = (overrides: Record<string, unknown> = {}): JobContent => JobContentInput.parse(jobBody(overrides));
