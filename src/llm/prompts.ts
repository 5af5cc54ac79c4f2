import { z } from 'zod';
import { CoverLetterContent, GenerationInput, ResumeContent, Source } from '../../contracts/generations/content';

/**
 * The chat messages a language model gets to write a resume or a cover letter. Provider-neutral
 * and pure: the OpenAI adapter sends them, the token budget measures them.
 *
 * The profile goes in as facts, each with the `src` a line must cite when it uses it, so the model
 * copies references instead of working out indices (and the fabrication checker can trace every
 * line). The conventions are the fabrication checker's (src/writing/fabrication/sources.ts):
 * `achievement` indexes an experience's achievements, `education` an entry's honors, `project`
 * a project's technologies; a `skill` names its list in entry_id ('technical' or 'soft') and its
 * position in index; `language` and `certification` index their lists; a whole entry or a
 * single fact has index null.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const RESUME_SCHEMA = JSON.stringify(z.toJSONSchema(ResumeContent));
const COVER_LETTER_SCHEMA = JSON.stringify(z.toJSONSchema(CoverLetterContent));

/** Lists from the posting are cut to this many entries: enough to tailor, not a token sink. */
const MAX_JOB_LINES = 15;

const RULES = [
  'Use only facts stated in the candidate profile given in the user message. Never invent or embellish employers, job titles, dates, degrees, certifications, skills, numbers or achievements; leave out what the profile does not say.',
  'You may select, order, shorten and rephrase profile facts to fit the job. Put facts that match the job\'s priority keywords first, and use the job\'s wording for a skill only when the profile has that skill.',
  'Every line cites in "sources" the "src" of each profile fact it uses (copy them exactly); a line that uses no profile fact must not exist.',
  'Answer with one JSON object and nothing else: no prose, no Markdown code fences.',
];

export function resumeMessages(input: GenerationInput): ChatMessage[] {
  const { options, feedback } = input;
  const system = [
    'You write resumes tailored to one job posting for JobWise.',
    ...RULES.map((rule, i) => `${i + 1}. ${rule}`),
    `${RULES.length + 1}. Use template "${options.template}" and stay within ${feedback?.length ?? options.max_length} words of line text; word_count is the number of words in all line texts.`,
    `The JSON object must match this JSON Schema: ${RESUME_SCHEMA}`,
  ].join('\n');
  const request = {
    task: 'resume',
    template: options.template,
    max_words: feedback?.length ?? options.max_length,
    focus_areas: options.focus_areas,
    feedback: feedbackFacts(input),
  };
  return [
    { role: 'system', content: system },
    { role: 'user', content: userMessage(input, request) },
  ];
}

export function coverLetterMessages(input: GenerationInput): ChatMessage[] {
  const { options, feedback } = input;
  const tone = feedback?.tone ?? options.tone;
  const jobSource: Source = { kind: 'job', entry_id: input.job.id, index: null };
  const system = [
    'You write cover letters for one job posting for JobWise.',
    ...RULES.map((rule, i) => `${i + 1}. ${rule}`),
    `${RULES.length + 1}. A line that only names the target job or company cites ${JSON.stringify(jobSource)}.`,
    `${RULES.length + 2}. Write in a ${tone} tone and stay within ${options.cover_letter_max_length} words; word_count is the number of words in all line texts.`,
    `The JSON object must match this JSON Schema: ${COVER_LETTER_SCHEMA}`,
  ].join('\n');
  const request = {
    task: 'cover_letter',
    tone,
    max_words: options.cover_letter_max_length,
    focus_areas: options.focus_areas,
    feedback: feedbackFacts(input),
  };
  return [
    { role: 'system', content: system },
    { role: 'user', content: userMessage(input, request) },
  ];
}

/** The two messages that ask again after a reply that was not the expected shape. */
export function correctionMessages(reply: string, problem: string): ChatMessage[] {
  return [
    { role: 'assistant', content: reply },
    {
      role: 'user',
      content: `Your reply does not match the required JSON Schema: ${problem}. Answer again with the corrected JSON object only, still using only the profile facts.`,
    },
  ];
}

function userMessage(input: GenerationInput, request: Record<string, unknown>): string {
  return [
    `Request: ${JSON.stringify(request)}`,
    `Job: ${JSON.stringify(jobFacts(input))}`,
    `Candidate profile: ${JSON.stringify(profileFacts(input))}`,
  ].join('\n\n');
}

function jobFacts({ job }: GenerationInput) {
  const { analysis } = job;
  return {
    title: job.title,
    company: job.company,
    seniority: analysis.seniority,
    years_of_experience: analysis.years_of_experience,
    education_level: analysis.education_level,
    priority_keywords: analysis.priority_keywords.map((k) => ({ keyword: k.keyword, requirement: k.requirement, weight: Math.round(k.weight * 100) / 100 })),
    requirements: job.requirements.slice(0, MAX_JOB_LINES),
    responsibilities: job.responsibilities.slice(0, MAX_JOB_LINES),
  };
}

function feedbackFacts({ feedback }: GenerationInput) {
  if (!feedback) return null;
  const { emphasise, drop, reorder } = feedback;
  return { emphasise, drop, section_order: reorder };
}

const src = (kind: Source['kind'], entry_id: string | null = null, index: number | null = null): Source => ({ kind, entry_id, index });

function profileFacts({ profile }: GenerationInput) {
  const { personal_info: info, skills } = profile;
  return {
    personal_info: { src: src('personal_info'), ...info },
    summary: profile.professional_summary === null ? null : { src: src('summary'), text: profile.professional_summary },
    experiences: profile.experiences.map((e) => ({
      src: src('experience', e.id),
      title: e.title,
      company: e.company,
      location: e.location,
      start_date: e.start_date,
      end_date: e.is_current ? 'present' : e.end_date,
      description: e.description,
      achievements: e.achievements.map((text, i) => ({ src: src('achievement', e.id, i), text })),
    })),
    education: profile.education.map((e) => ({
      src: src('education', e.id),
      institution: e.institution,
      degree: e.degree,
      field_of_study: e.field_of_study,
      start_date: e.start_date,
      end_date: e.end_date,
      gpa: e.gpa,
      honors: e.honors.map((text, i) => ({ src: src('education', e.id, i), text })),
    })),
    projects: profile.projects.map((p) => ({
      src: src('project', p.id),
      name: p.name,
      description: p.description,
      url: p.url,
      technologies: p.technologies.map((name, i) => ({ src: src('project', p.id, i), name })),
    })),
    skills: [
      ...skills.technical.map((name, i) => ({ src: src('skill', 'technical', i), name })),
      ...skills.soft.map((name, i) => ({ src: src('skill', 'soft', i), name })),
    ],
    languages: skills.languages.map((l, i) => ({ src: src('language', null, i), ...l })),
    certifications: skills.certifications.map((c, i) => ({ src: src('certification', null, i), ...c })),
  };
}
