import { z } from 'zod';
import { SkillRequirement } from '../jobs/keyword-analysis';
import { CoverLetterParagraph, SectionKind } from './content';

/**
 * How well a generated resume (or cover letter) would fare with an applicant tracking system for
 * one job, and why. Deterministic: the same content, analysis and `scorer_version` give the same
 * report. The formulas and weights live in src/scoring/ (one file per component).
 *
 * Glossary: the *ATS score* is the weighted sum of the component scores. A score of `null` means
 * "not applicable" (e.g. keyword coverage for a job whose analysis names no skills); such a
 * component gets weight 0 and the other weights are scaled up so that they still sum to 1. No
 * score is ever a default: each one is computed from the evidence listed next to it.
 */

const Share = z.number().min(0).max(1);

/**
 * Where a resume line sits, as a path into the ResumeContent:
 * `sections[2].items[0].lines[1]`, `sections[2].items[0].title` or `sections[2].items[0].meta`.
 */
export const LinePath = z.string().min(1).max(100);

/** One measured check of a component. The component score is the sum of weight × score over its checks. */
export const QualityCheck = z.strictObject({
  /** What was checked: a skill name ("PostgreSQL") or a check name ("education", "bullet_length"). */
  check: z.string().min(1).max(100),
  /** null when the check does not apply (then its weight is 0). */
  score: Share.nullable(),
  /** This check's share of the component score; the weights of one component sum to 1 (or are all 0). */
  weight: Share,
  /** What was found, in words, with counts. */
  note: z.string(),
  /** The lines the note is about (may be empty). */
  line_paths: z.array(LinePath),
});
export type QualityCheck = z.infer<typeof QualityCheck>;

export const QualityComponent = z.strictObject({
  /** null when the component does not apply to this content (then `weight` is 0). */
  score: Share.nullable(),
  /** This component's share of `ats_score`; the weights of all components sum to 1. */
  weight: Share,
  detail: z.string(),
  evidence: z.array(QualityCheck),
});
export type QualityComponent = z.infer<typeof QualityComponent>;

export const KeywordLocation = z.strictObject({
  section: SectionKind,
  /** The text of the item's title, e.g. "Senior Engineer, Northwind Freight"; absent for untitled items. */
  item: z.string().optional(),
  line_path: LinePath,
});
export type KeywordLocation = z.infer<typeof KeywordLocation>;

export const MatchedKeyword = z.strictObject({
  /** Canonical skill name from the job analysis. */
  keyword: z.string().min(1).max(100),
  requirement: SkillRequirement,
  /** The keyword's priority weight in the job analysis. */
  weight: Share,
  /** True when an experience or project line uses it in a sentence (not in a bare keyword list). */
  in_context: z.boolean(),
  where: z.array(KeywordLocation).min(1),
});
export type MatchedKeyword = z.infer<typeof MatchedKeyword>;

export const MissingKeyword = z.strictObject({
  keyword: z.string().min(1).max(100),
  requirement: SkillRequirement,
  weight: Share,
});
export type MissingKeyword = z.infer<typeof MissingKeyword>;

export const ResumeQualityComponents = z.strictObject({
  keyword_coverage: QualityComponent,
  keyword_density: QualityComponent,
  section_completeness: QualityComponent,
  format_compliance: QualityComponent,
});

export const QualityReport = z.strictObject({
  scorer_version: z.string().min(1).max(50),
  /** Weighted sum of the applicable components' scores. */
  ats_score: Share,
  /**
   * The share of the job's required and preferred skills that the resume names anywhere (synonyms
   * included), each skill weighted by its priority weight times its requirement factor (required
   * 1, preferred 0.5). Unlike keyword coverage, a mention in the skills list counts fully here.
   * null when the analysis names no skills: there is nothing to match.
   */
  keyword_match_rate: Share.nullable(),
  components: ResumeQualityComponents,
  /** By descending weight. */
  matched_keywords: z.array(MatchedKeyword),
  /** By descending weight. */
  missing_keywords: z.array(MissingKeyword),
  /** Concrete changes, most important first. */
  suggestions: z.array(z.string()),
});
export type QualityReport = z.infer<typeof QualityReport>;

export const CoverLetterMatchedKeyword = z.strictObject({
  keyword: z.string().min(1).max(100),
  requirement: SkillRequirement,
  weight: Share,
  /** True when a sentence of the letter uses it (not a bare keyword list). */
  in_context: z.boolean(),
  /** Paths like `paragraphs[2].lines[0]`. */
  where: z.array(z.strictObject({ paragraph: CoverLetterParagraph.shape.role, line_path: LinePath })).min(1),
});
export type CoverLetterMatchedKeyword = z.infer<typeof CoverLetterMatchedKeyword>;

export const CoverLetterQualityComponents = z.strictObject({
  keyword_coverage: QualityComponent,
  structure: QualityComponent,
});

export const CoverLetterQualityReport = z.strictObject({
  scorer_version: z.string().min(1).max(50),
  ats_score: Share,
  /** As in QualityReport, over the letter's text. */
  keyword_match_rate: Share.nullable(),
  components: CoverLetterQualityComponents,
  matched_keywords: z.array(CoverLetterMatchedKeyword),
  missing_keywords: z.array(MissingKeyword),
  suggestions: z.array(z.string()),
});
export type CoverLetterQualityReport = z.infer<typeof CoverLetterQualityReport>;
