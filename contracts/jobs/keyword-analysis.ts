import { z } from 'zod';

/**
 * What `POST /api/v1/jobs/{id}/analyze` returns, and what job events and read models store.
 * The analysis is deterministic: the same posting and `analyzer_version` give the same result.
 *
 * Glossary: a *skill* is a canonical name from the bundled skills taxonomy ("PostgreSQL", never
 * "Postgres"); *ATS keywords* are the words an applicant tracking system is likely to search a
 * resume for: the canonical names plus the spellings the posting itself used.
 */

export const SkillCategory = z.enum([
  'language',
  'framework',
  'database',
  'cloud',
  'devops',
  'data',
  'engineering',
  'testing',
  'security',
  'design',
  'marketing',
  'sales',
  'finance',
  'product',
  'healthcare',
  'business',
  'tool',
  'methodology',
  'certification',
  'soft_skill',
  'spoken_language',
]);
export type SkillCategory = z.infer<typeof SkillCategory>;

export const EducationLevel = z.enum(['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate']);
export type EducationLevel = z.infer<typeof EducationLevel>;

export const Seniority = z.enum(['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive']);
export type Seniority = z.infer<typeof Seniority>;

/** Whether the posting asks for a skill outright or only as a "nice to have". */
export const SkillRequirement = z.enum(['required', 'preferred']);
export type SkillRequirement = z.infer<typeof SkillRequirement>;

const SkillName = z.string().min(1).max(100);
const Years = z.number().int().min(0).max(50);

export const PriorityKeyword = z.strictObject({
  keyword: SkillName,
  /** 0..1; how much the keyword matters to this posting (see the analyzer for the formula). */
  weight: z.number().min(0).max(1),
  category: SkillCategory,
  requirement: SkillRequirement,
  /** Mentions in the posting, title included. */
  occurrences: z.number().int().min(1),
});
export type PriorityKeyword = z.infer<typeof PriorityKeyword>;

/** Years of experience asked: `5+ years` is `{min: 5, max: null}`, `3-5 years` is `{min: 3, max: 5}`. */
export const YearsOfExperience = z
  .strictObject({ min: Years.nullable(), max: Years.nullable() })
  .refine((y) => y.min === null || y.max === null || y.min <= y.max, {
    path: ['min'],
    message: 'must not be greater than max',
  });
export type YearsOfExperience = z.infer<typeof YearsOfExperience>;

export const KeywordAnalysis = z.strictObject({
  analyzer_version: z.string().min(1).max(50),
  /** Canonical skill names, most important first. A skill is never in both lists. */
  required_skills: z.array(SkillName),
  preferred_skills: z.array(SkillName),
  ats_keywords: z.array(SkillName),
  /** Every required and preferred skill, by descending weight. */
  priority_keywords: z.array(PriorityKeyword),
  /** The same skills grouped by category; categories without skills are absent. */
  skill_categories: z.partialRecord(SkillCategory, z.array(SkillName)),
  years_of_experience: YearsOfExperience.nullable(),
  /** The lowest degree the posting accepts; null when it does not say. */
  education_level: EducationLevel.nullable(),
  seniority: Seniority.nullable(),
});
export type KeywordAnalysis = z.infer<typeof KeywordAnalysis>;
