import { z } from 'zod';
import { CatalogueId } from '../jobs/events';
import { IsoTimestamp, RequestTimestamp, requiredText, text, Uuid } from '../shared/primitives';
import { page, PageQuery } from '../shared/read-model';
import { CoverLetterContent, Feedback, GenerationOptions, ResumeContent, SectionKind, Template, Tone } from './content';
import { GenerationKind, Stage } from './events';
import { Violation } from './fabrication';
import { ParseBackReport } from './parse-back';
import { CoverLetterQualityReport, QualityReport } from './quality';

/** Bodies, query strings and answers of the Generation API (`/api/v1/generations`). */

/*
 * Limits on text that events store are stated in characters as sent (JSON Schema's maxLength);
 * they are half of what the event schemas allow in UTF-16 units, so any text accepted here fits.
 */

/** A job of yours or of the catalogue: its id, or a catalogue entry's name (`static-001`). */
export const JobRef = z.union([Uuid, CatalogueId]).describe('The job id, or the name of a catalogue entry such as static-001');

export const GenerationStatus = z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']);
export type GenerationStatus = z.infer<typeof GenerationStatus>;
export const FINISHED_STATUSES: readonly GenerationStatus[] = ['completed', 'failed', 'cancelled'];

const MaxLength = GenerationOptions.shape.max_length;

/** POST /generations/resume. */
export const ResumeGenerationRequest = z.strictObject({
  profile_id: Uuid,
  job_id: JobRef,
  template_preference: Template.default('professional'),
  generation_options: z
    .strictObject({
      /** Skills or themes to put first. */
      focus_areas: z.array(requiredText(50)).max(20).default([]),
      /** Upper bound of the resume, in words. */
      max_length: MaxLength.default(600),
      include_cover_letter: z.boolean().default(false),
    })
    .prefault({}),
});
export type ResumeGenerationRequest = z.output<typeof ResumeGenerationRequest>;

/** POST /generations/cover-letter. */
export const CoverLetterGenerationRequest = z.strictObject({
  profile_id: Uuid,
  job_id: JobRef,
  tone: Tone.default('professional'),
  /** Upper bound of the letter, in words. */
  max_length: GenerationOptions.shape.cover_letter_max_length.default(400),
});
export type CoverLetterGenerationRequest = z.output<typeof CoverLetterGenerationRequest>;

/** What to change in a regeneration (a Feedback; list items bounded so that they fit the event). */
export const FeedbackChanges = z.strictObject({
  emphasise: z.array(requiredText(100)).max(50).default([]),
  drop: z.array(requiredText(100)).max(50).default([]),
  reorder: Feedback.shape.reorder,
  tone: Feedback.shape.tone,
  length: Feedback.shape.length,
});

/**
 * POST /generations/{id}/regenerate: `feedback` is the user's note on what was wrong (not recorded:
 * the generation event has no place for it), `changes` what the writer is to do about it.
 */
export const RegenerateRequest = z.strictObject({
  feedback: text(2000),
  changes: FeedbackChanges.prefault({}),
});
export type RegenerateRequest = z.output<typeof RegenerateRequest>;

/** POST /generations/{id}/feedback. */
export const FeedbackRequest = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comments: text(1000).nullable().default(null),
});
export type FeedbackRequest = z.output<typeof FeedbackRequest>;

/** GET /generations: yours, newest first; `created_from` / `created_to` bound `created_at` (inclusive). */
export const GenerationListQuery = z.strictObject({
  ...PageQuery.shape,
  status: GenerationStatus.optional(),
  kind: GenerationKind.optional(),
  job_id: JobRef.optional(),
  created_from: RequestTimestamp.optional(),
  created_to: RequestTimestamp.optional(),
});
export type GenerationListQuery = z.output<typeof GenerationListQuery>;

export const StageView = z.object({
  stage: Stage,
  status: z.enum(['waiting', 'running', 'completed', 'failed']),
  /** 0 until the stage starts; a retry counts up. */
  attempt: z.number().int().min(0),
  duration_ms: z.number().int().min(0).nullable(),
  /** Why the last attempt failed. */
  reason: z.string().nullable(),
});
export type StageView = z.infer<typeof StageView>;

/**
 * What GET /generations/{id} returns. `progress` is the share (0–100) of the pipeline's expected
 * time (STAGE_SECONDS) that completed stages account for. `ats_score` (0–1) is known once the
 * generation has completed. `completed_at` is when it ended (completed, failed or cancelled).
 */
export const GenerationView = z.object({
  id: Uuid,
  kind: GenerationKind,
  status: GenerationStatus,
  current_stage: Stage.nullable(),
  progress: z.number().int().min(0).max(100),
  stages: z.array(StageView),
  profile_id: Uuid,
  profile_version: z.number().int().min(1),
  job_id: z.string(),
  job_version: z.number().int().min(1),
  parent_id: Uuid.nullable(),
  options: GenerationOptions,
  ats_score: z.number().min(0).max(1).nullable(),
  failure: z.object({ stage: Stage, reason: z.string() }).nullable(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  completed_at: IsoTimestamp.nullable(),
  version: z.number().int().positive(),
});
export type GenerationView = z.infer<typeof GenerationView>;

export const GenerationPage = page(GenerationView);
export type GenerationPage = z.infer<typeof GenerationPage>;

export const GenerationQuality = z.object({
  resume_quality: QualityReport.nullable(),
  cover_letter_quality: CoverLetterQualityReport.nullable(),
});

/** GET /generations/{id}/result: the content of a completed generation. */
export const GenerationResult = z.object({
  generation_id: Uuid,
  kind: GenerationKind,
  resume: ResumeContent.nullable(),
  cover_letter: CoverLetterContent.nullable(),
  quality: GenerationQuality,
  /** How many unsupported facts the fabrication checker removed. */
  repaired: z.number().int().min(0),
  /** The writer that wrote the content (`deterministic`, an LLM model, …). */
  provider: z.string().nullable(),
  formats: z.array(z.enum(['pdf', 'docx', 'html', 'md', 'txt'])),
  /** Whether the exported PDF and DOCX read back in order; null for a generation completed before parse-back existed. */
  parse_back: ParseBackReport.nullable(),
});
export type GenerationResult = z.infer<typeof GenerationResult>;

export const TemplateInfo = z.object({
  id: Template,
  name: z.string(),
  description: z.string(),
  /** The order of the resume's sections; regeneration feedback can move sections first. */
  section_order: z.array(SectionKind),
});
export const TemplateList = z.object({ items: z.array(TemplateInfo) });
export type TemplateList = z.infer<typeof TemplateList>;

/**
 * GET /generations/{id}/analytics. Durations are measured; `expected_ms` is the spec's duration
 * of the stage (STAGE_SECONDS), unscaled. `tokens_used` is what the writer reported (null before
 * content generation or for a writer that uses none).
 */
export const GenerationAnalytics = z.object({
  generation_id: Uuid,
  status: GenerationStatus,
  stages: z.array(
    z.object({ stage: Stage, status: StageView.shape.status, attempt: z.number().int().min(0), duration_ms: z.number().int().min(0).nullable(), expected_ms: z.number().int().min(0) }),
  ),
  total_duration_ms: z.number().int().min(0),
  expected_duration_ms: z.number().int().min(0),
  /** From submission to the end (or to now while it runs). */
  elapsed_ms: z.number().int().min(0),
  estimated_tokens: z.number().int().min(0),
  tokens_used: z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
  ats_score: z.number().min(0).max(1).nullable(),
  keyword_match_rate: z.number().min(0).max(1).nullable(),
  feedback: z.object({
    count: z.number().int().min(0),
    average_rating: z.number().min(1).max(5).nullable(),
    ratings: z.array(z.number().int().min(1).max(5)),
  }),
});
export type GenerationAnalytics = z.infer<typeof GenerationAnalytics>;

/** POST /generations/{id}/validate: the stored content scored again, and facts the profile (at the generation's version) does not support. */
export const GenerationValidation = z.object({
  generation_id: Uuid,
  profile_version: z.number().int().min(1),
  quality: GenerationQuality,
  violations: z.array(Violation),
});
export type GenerationValidation = z.infer<typeof GenerationValidation>;
