import { randomUUID } from 'node:crypto';

/** Realistic request bodies, built fresh for each test. */
export const experienceBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Senior Backend Engineer',
  company: 'Northwind Logistics',
  location: 'Berlin, Germany',
  start_date: '2021-03',
  end_date: null,
  is_current: true,
  description: 'Own the shipment tracking platform: event-driven services in TypeScript on Kafka.',
  achievements: ['Cut p99 latency of the tracking API from 900 ms to 120 ms'],
  ...overrides,
});

export const educationBody = (overrides: Record<string, unknown> = {}) => ({
  institution: 'Technical University of Munich',
  degree: 'M.Sc.',
  field_of_study: 'Computer Science',
  start_date: '2014-10',
  end_date: '2016-09',
  gpa: 3.7,
  honors: ['With distinction'],
  ...overrides,
});

export const projectBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Open-source rate limiter',
  description: 'A token-bucket rate limiter for Express used by 40 companies.',
  technologies: ['TypeScript', 'Redis'],
  url: 'https://github.com/example/limiter',
  start_date: '2022-01',
  end_date: '2022-06',
  ...overrides,
});

export const profileBody = (overrides: Record<string, unknown> = {}) => ({
  personal_info: {
    full_name: 'Ada Example',
    email: 'ada@example.com',
    phone: '+49 30 1234567',
    location: 'Berlin, Germany',
    linkedin: 'https://www.linkedin.com/in/ada-example',
    github: 'https://github.com/ada-example',
    website: null,
  },
  professional_summary:
    'Backend engineer with eight years of experience building event-driven systems, from payments to logistics, with a focus on reliability.',
  experiences: [
    experienceBody(),
    experienceBody({
      title: 'Software Engineer',
      company: 'Contoso Payments',
      start_date: '2016-10',
      end_date: '2021-02',
      is_current: false,
      achievements: ['Built the ledger reconciliation service'],
    }),
  ],
  education: [educationBody()],
  projects: [projectBody()],
  skills: {
    technical: ['TypeScript', 'Node.js', 'Kafka', 'PostgreSQL', 'MongoDB', 'Docker', 'Kubernetes', 'AWS'],
    soft: ['Mentoring', 'Communication', 'Ownership'],
    languages: [{ name: 'English', proficiency: 'full_professional' }],
    certifications: [{ name: 'AWS Solutions Architect', issuer: 'Amazon', date_obtained: '2022-05', expiry_date: '2025-05', credential_id: null }],
  },
  ...overrides,
});

export const uniqueEmail = (prefix = 'user') => `${prefix}.${randomUUID().slice(0, 8)}@example.com`;
