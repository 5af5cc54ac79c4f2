import type { GenerationInput, GenerationOptions } from '../../../contracts/generations/content';
import type { ProfileView } from '../../../contracts/profiles/read-model';
import { analyzeJob } from '../../../src/keywords';

/** A realistic backend engineer's profile and a job that asks for most of what she knows. */

export const IDS = {
  northwind: '11111111-1111-4111-8111-111111111111',
  contoso: '22222222-2222-4222-8222-222222222222',
  fabrikam: '33333333-3333-4333-8333-333333333333',
  tum: '44444444-4444-4444-8444-444444444444',
  limiter: '55555555-5555-4555-8555-555555555555',
  recipes: '66666666-6666-4666-8666-666666666666',
};

export function backendProfile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    user_id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    version: 7,
    created_at: '2026-01-10T09:00:00.000Z',
    updated_at: '2026-11-20T09:00:00.000Z',
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
      'Backend engineer building event-driven systems in TypeScript and Kafka. I care about reliable payments and logistics software. Outside work I mentor new developers.',
    experiences: [
      {
        id: IDS.northwind,
        title: 'Senior Backend Engineer',
        company: 'Northwind Logistics',
        location: 'Berlin, Germany',
        start_date: '2021-03',
        end_date: null,
        is_current: true,
        description: 'Own the shipment tracking platform: event-driven services in TypeScript on Kafka.',
        achievements: [
          'Cut p99 latency of the tracking API from 900 ms to 120 ms',
          'Moved 14 services from VMs to Kubernetes with zero downtime',
          'Ran the weekly architecture review for the platform team',
        ],
      },
      {
        id: IDS.contoso,
        title: 'Software Engineer',
        company: 'Contoso Payments',
        location: 'Munich, Germany',
        start_date: '2016-10',
        end_date: '2021-02',
        is_current: false,
        description: 'Built payment services in Java and PostgreSQL.',
        achievements: ['Built the ledger reconciliation service in PostgreSQL', 'Reduced failed payouts by 35%'],
      },
      {
        id: IDS.fabrikam,
        title: 'Web Developer Intern',
        company: 'Fabrikam Studio',
        location: null,
        start_date: '2015-06',
        end_date: '2015-09',
        is_current: false,
        description: 'Built marketing pages in WordPress and PHP.',
        achievements: ['Shipped 6 landing pages for a €40,000 campaign'],
      },
    ],
    education: [
      {
        id: IDS.tum,
        institution: 'Technical University of Munich',
        degree: 'M.Sc.',
        field_of_study: 'Computer Science',
        start_date: '2014-10',
        end_date: '2016-09',
        gpa: 3.7,
        honors: ['With distinction'],
      },
    ],
    projects: [
      {
        id: IDS.limiter,
        name: 'Open-source rate limiter',
        description: 'A token-bucket rate limiter for Express, backed by Redis, used by 40 companies.',
        technologies: ['TypeScript', 'Redis'],
        url: 'https://github.com/example/limiter',
        start_date: '2022-01',
        end_date: '2022-06',
      },
      {
        id: IDS.recipes,
        name: 'Recipe planner',
        description: 'A weekend app that plans meals for the week.',
        technologies: ['Flutter'],
        url: null,
        start_date: null,
        end_date: null,
      },
    ],
    skills: {
      technical: ['TypeScript', 'Node.js', 'Kafka', 'PostgreSQL', 'Java', 'Docker', 'Kubernetes', 'Redis', 'PHP', 'Flutter'],
      soft: ['Mentoring', 'Communication'],
      languages: [{ name: 'English', proficiency: 'full_professional' }, { name: 'German', proficiency: 'native' }],
      certifications: [{ name: 'Certified Kubernetes Administrator', issuer: 'CNCF', date_obtained: '2023-04', expiry_date: null, credential_id: null }],
    },
    ...overrides,
  };
}

const posting = {
  title: 'Senior Platform Engineer',
  company: 'Acme Freight',
  description: 'Acme Freight moves containers across Europe. You will build the services that track every shipment.',
  requirements: [
    '5+ years of backend development with TypeScript and Node.js',
    'Production experience with Kafka and PostgreSQL',
    'Experience running services on Kubernetes',
    'Nice to have: Redis, Terraform',
  ],
  responsibilities: ['Design event-driven services', 'Mentor other engineers'],
};

export const backendJob = (): GenerationInput['job'] => ({
  id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  ...posting,
  analysis: analyzeJob(posting),
});

export const defaultOptions = (overrides: Partial<GenerationOptions> = {}): GenerationOptions => ({
  template: 'professional',
  focus_areas: [],
  max_length: 2000,
  include_cover_letter: true,
  tone: 'professional',
  cover_letter_max_length: 1000,
  ...overrides,
});

export function generationInput(overrides: Partial<GenerationInput> = {}, options: Partial<GenerationOptions> = {}): GenerationInput {
  return { profile: backendProfile(), job: backendJob(), options: defaultOptions(options), feedback: null, ...overrides };
}

/** A nurse: another trade, other skills, no projects. */
export function nurseProfile(): ProfileView {
  return {
    ...backendProfile(),
    personal_info: { full_name: 'Maria Lopez', email: 'maria@example.com', phone: null, location: 'Austin, TX', linkedin: null, github: null, website: null },
    professional_summary: null,
    experiences: [
      {
        id: '77777777-7777-4777-8777-777777777777',
        title: 'Registered Nurse',
        company: "St. Mary's Hospital",
        location: 'Austin, TX',
        start_date: '2019-07',
        end_date: null,
        is_current: true,
        description: 'Care for up to 5 patients per shift in a 24-bed intensive care unit.',
        achievements: ['Trained 8 new graduate nurses in patient assessment', 'Documented care in Epic for every shift'],
      },
    ],
    education: [
      { id: '88888888-8888-4888-8888-888888888888', institution: 'University of Texas at Austin', degree: 'Bachelor of Science in Nursing', field_of_study: null, start_date: '2015-08', end_date: '2019-05', gpa: null, honors: [] },
    ],
    projects: [],
    skills: {
      technical: ['Patient Assessment', 'Epic', 'IV Therapy'],
      soft: ['Communication'],
      languages: [{ name: 'Spanish', proficiency: 'native' }],
      certifications: [
        { name: 'Basic Life Support', issuer: 'American Heart Association', date_obtained: '2023-01', expiry_date: '2025-01', credential_id: null },
        { name: 'RN License', issuer: 'Texas Board of Nursing', date_obtained: '2019-06', expiry_date: null, credential_id: null },
      ],
    },
  };
}

const nursePosting = {
  title: 'ICU Registered Nurse',
  company: 'Riverside Health',
  description: 'Riverside Health runs three hospitals in central Texas.',
  requirements: ['Active RN license', 'BLS and ACLS certification', '2+ years of ICU experience', 'Experience with Epic EHR', 'Strong patient assessment skills'],
  responsibilities: ['Provide care to critically ill patients'],
};

export const nurseJob = (): GenerationInput['job'] => ({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', ...nursePosting, analysis: analyzeJob(nursePosting) });

/** Only what a new account has. */
export function bareProfile(): ProfileView {
  return {
    ...backendProfile(),
    personal_info: { full_name: 'Bo Bare', email: 'bo@example.com', phone: null, location: null, linkedin: null, github: null, website: null },
    professional_summary: null,
    experiences: [],
    education: [],
    projects: [],
    skills: { technical: [], soft: [], languages: [], certifications: [] },
  };
}
