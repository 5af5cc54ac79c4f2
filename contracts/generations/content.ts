import { z } from 'zod';
import { KeywordAnalysis } from '../jobs/keyword-analysis';
import { ProfileView } from '../profiles/read-model';

/**
 * What the generation pipeline writes: a resume (and optionally a cover letter) as one document
 * model that every export renders from. Every line carries the profile items it came from
 * (`sources`), so the fabrication checker and the user can trace each fact to the master
 * profile. Nothing here is free text without a source.
 */

export const Template = z.enum(['professional', 'technical', 'creative']);
export type Template = z.infer<typeof Template>;

export const Tone = z.enum(['professional', 'enthusiastic', 'conversational']);
export type Tone = z.infer<typeof Tone>;

/** A profile item a line draws on. `entry_id` names an experience/education/project entry; `index` an element of its list. */
export const Source = z.strictObject({
  kind: z.enum(['personal_info', 'summary', 'experience', 'achievement', 'education', 'project', 'skill', 'certification', 'language', 'job']),
  entry_id: z.string().nullable(),
  index: z.number().int().min(0).nullable(),
});
export type Source = z.infer<typeof Source>;

/**
 * One line of output text and where it came from; `job` sources only name the target job (cover
 * letter opening). A line may quote a whole profile text (a description holds up to 5,000
 * characters) or list many skills, hence the generous bound.
 */
export const Line = z.strictObject({ text: z.string().min(1).max(20_000), sources: z.array(Source).min(1) });
export type Line = z.infer<typeof Line>;

export const ResumeItem = z.strictObject({
  /** e.g. "Senior Engineer, Northwind Freight"; null for items that are just lines (summary, skills). */
  title: Line.nullable(),
  /** Dates and place, e.g. "2019-03 – present · Berlin". */
  meta: Line.nullable(),
  lines: z.array(Line),
});
export type ResumeItem = z.infer<typeof ResumeItem>;

export const SectionKind = z.enum(['header', 'summary', 'experience', 'education', 'projects', 'skills', 'certifications', 'languages']);
export type SectionKind = z.infer<typeof SectionKind>;

export const ResumeSection = z.strictObject({ kind: SectionKind, heading: z.string().min(1).max(100), items: z.array(ResumeItem) });
export type ResumeSection = z.infer<typeof ResumeSection>;

export const ResumeContent = z.strictObject({
  template: Template,
  sections: z.array(ResumeSection),
  word_count: z.number().int().min(0),
});
export type ResumeContent = z.infer<typeof ResumeContent>;

export const CoverLetterParagraph = z.strictObject({
  role: z.enum(['greeting', 'opening', 'body', 'closing', 'signature']),
  lines: z.array(Line).min(1),
});
export const CoverLetterContent = z.strictObject({
  tone: Tone,
  paragraphs: z.array(CoverLetterParagraph),
  word_count: z.number().int().min(0),
});
export type CoverLetterContent = z.infer<typeof CoverLetterContent>;

/** What the user asked to change when regenerating. */
export const Feedback = z.strictObject({
  /** Skills or entry ids to put first. */
  emphasise: z.array(z.string().min(1).max(200)).max(50).default([]),
  /** Entry ids or skills to leave out. */
  drop: z.array(z.string().min(1).max(200)).max(50).default([]),
  /** Section order, e.g. ['skills', 'experience']. */
  reorder: z.array(SectionKind).max(8).default([]),
  tone: Tone.nullable().default(null),
  /** A new max_length in words. */
  length: z.number().int().min(100).max(2000).nullable().default(null),
});
export type Feedback = z.infer<typeof Feedback>;

export const GenerationOptions = z.strictObject({
  template: Template,
  focus_areas: z.array(z.string().min(1).max(100)).max(20),
  /** Upper bound in words for the resume (and for the cover letter, its own bound). */
  max_length: z.number().int().min(100).max(2000),
  include_cover_letter: z.boolean(),
  tone: Tone,
  cover_letter_max_length: z.number().int().min(100).max(1000),
});
export type GenerationOptions = z.infer<typeof GenerationOptions>;

/** The job as the pipeline sees it: its text and its keyword analysis. */
export const TargetJob = z.strictObject({
  id: z.string(),
  title: z.string(),
  company: z.string(),
  description: z.string(),
  requirements: z.array(z.string()),
  responsibilities: z.array(z.string()),
  analysis: KeywordAnalysis,
});
export type TargetJob = z.infer<typeof TargetJob>;

/** Everything a content writer (deterministic or LLM) is given: the profile and job at the requested versions. */
export const GenerationInput = z.strictObject({
  profile: ProfileView,
  job: TargetJob,
  options: GenerationOptions,
  feedback: Feedback.nullable(),
});
export type GenerationInput = z.infer<typeof GenerationInput>;
