import { GenerationInput, ResumeContent } from '../../../contracts/generations/content';

export const EXPERIENCE_ID = '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a01';
export const EDUCATION_ID = '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a02';
export const PROJECT_ID = '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a03';
export const JOB_ID = '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a04';

/** A small, valid generation input: one experience, one degree, one project, a Go/Kubernetes job. */
export function generationInput(overrides: { options?: Partial<GenerationInput['options']>; feedback?: GenerationInput['feedback'] } = {}): GenerationInput {
  return GenerationInput.parse({
    profile: {
      id: '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a10',
      user_id: '0b5f6f4e-8a57-4c55-9d1e-2f1d6b1c7a11',
      version: 4,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
      personal_info: {
        full_name: 'Ada Byron',
        email: 'ada@example.com',
        phone: null,
        location: 'Berlin',
        linkedin: null,
        github: 'https://github.com/ada',
        website: null,
      },
      professional_summary: 'Backend engineer who builds reliable freight systems.',
      experiences: [
        {
          id: EXPERIENCE_ID,
          title: 'Senior Engineer',
          company: 'Northwind Freight',
          location: 'Berlin',
          start_date: '2019-03',
          end_date: null,
          is_current: true,
          description: 'Owns the routing service.',
          achievements: ['Cut routing latency by 40 % with Go and Redis', 'Moved 30 services to Kubernetes'],
        },
      ],
      education: [
        {
          id: EDUCATION_ID,
          institution: 'TU Berlin',
          degree: 'MSc',
          field_of_study: 'Computer Science',
          start_date: '2014-10',
          end_date: '2016-09',
          gpa: null,
          honors: [],
        },
      ],
      projects: [
        { id: PROJECT_ID, name: 'tinyq', description: 'A small job queue.', technologies: ['Go'], url: null, start_date: null, end_date: null },
      ],
      skills: { technical: ['Go', 'Kubernetes', 'Redis'], soft: ['Mentoring'], languages: [{ name: 'German', proficiency: 'native' }], certifications: [] },
    },
    job: {
      id: JOB_ID,
      title: 'Staff Backend Engineer',
      company: 'Contoso Logistics',
      description: 'Build the dispatch platform in Go on Kubernetes.',
      requirements: ['5+ years of Go', 'Kubernetes in production'],
      responsibilities: ['Own the dispatch service'],
      analysis: {
        analyzer_version: 'test',
        required_skills: ['Go', 'Kubernetes'],
        preferred_skills: ['Redis'],
        ats_keywords: ['Go', 'Golang', 'Kubernetes', 'Redis'],
        priority_keywords: [
          { keyword: 'Go', weight: 1, category: 'language', requirement: 'required', occurrences: 3 },
          { keyword: 'Kubernetes', weight: 0.8, category: 'devops', requirement: 'required', occurrences: 2 },
          { keyword: 'Redis', weight: 0.4, category: 'database', requirement: 'preferred', occurrences: 1 },
        ],
        skill_categories: { language: ['Go'], devops: ['Kubernetes'], database: ['Redis'] },
        years_of_experience: { min: 5, max: null },
        education_level: null,
        seniority: 'senior',
      },
    },
    options: {
      template: 'technical',
      focus_areas: ['backend'],
      max_length: 500,
      include_cover_letter: false,
      tone: 'professional',
      cover_letter_max_length: 300,
      ...overrides.options,
    },
    feedback: overrides.feedback ?? null,
  });
}

/** A resume as a model should answer it: every line cites profile facts. */
export function validResume(): ResumeContent {
  return {
    template: 'technical',
    sections: [
      {
        kind: 'experience',
        heading: 'Experience',
        items: [
          {
            title: { text: 'Senior Engineer, Northwind Freight', sources: [{ kind: 'experience', entry_id: EXPERIENCE_ID, index: null }] },
            meta: { text: '2019-03 – present · Berlin', sources: [{ kind: 'experience', entry_id: EXPERIENCE_ID, index: null }] },
            lines: [{ text: 'Cut routing latency by 40 % with Go and Redis', sources: [{ kind: 'achievement', entry_id: EXPERIENCE_ID, index: 0 }] }],
          },
        ],
      },
      {
        kind: 'skills',
        heading: 'Skills',
        items: [{ title: null, meta: null, lines: [{ text: 'Go, Kubernetes', sources: [{ kind: 'skill', entry_id: 'technical', index: 0 }, { kind: 'skill', entry_id: 'technical', index: 1 }] }] }],
      },
    ],
    word_count: 21,
  };
}
