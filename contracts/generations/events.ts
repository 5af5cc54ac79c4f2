import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { Uuid } from '../shared/primitives';
import { KeywordAnalysis } from '../jobs/keyword-analysis';
import { CoverLetterContent, Feedback, GenerationOptions, ResumeContent } from './content';
import { ViolationKind } from './fabrication';
import { ParseBackReport } from './parse-back';
import { CoverLetterQualityReport, QualityReport } from './quality';

/**
 * Events of the `generation-<uuid>` stream: one request for a tailored resume (and maybe a cover
 * letter), advanced stage by stage by the process manager. Every event that holds text about the
 * person names `user_id`, the data subject whose key encrypts it (ADR 0009).
 */

export const Stage = z.enum(['job_analysis', 'profile_compilation', 'content_generation', 'quality_validation', 'export_preparation']);
export type Stage = z.infer<typeof Stage>;
export const STAGES = Stage.options;

/** The spec's simulated duration of each stage, in seconds (times GENERATION_STAGE_DURATION_SCALE). */
export const STAGE_SECONDS: Record<Stage, number> = {
  job_analysis: 1.0,
  profile_compilation: 1.0,
  content_generation: 2.0,
  quality_validation: 1.0,
  export_preparation: 0.5,
};

export const GenerationKind = z.enum(['resume', 'cover_letter']);
export type GenerationKind = z.infer<typeof GenerationKind>;

/** Attempts per stage before the generation fails. */
export const MAX_STAGE_ATTEMPTS = 3;

const Attempt = z.number().int().min(1).max(MAX_STAGE_ATTEMPTS);
/** The integration event (by id) that made the process manager act; recorded to drop redeliveries. */
const Trigger = z.string().min(1).max(100);

export const GenerationRequested = defineEvent(
  'GenerationRequested',
  z.object({
    generation_id: Uuid,
    user_id: Uuid,
    kind: GenerationKind,
    profile_id: Uuid,
    /** The profile and job as they were when asked: later edits do not change this generation. */
    profile_version: z.number().int().min(1),
    job_id: z.string().min(1).max(100),
    job_version: z.number().int().min(1),
    options: GenerationOptions,
    /** A regeneration names the generation it improves on and what the user asked to change. */
    parent_id: Uuid.nullable(),
    feedback: Feedback.nullable(),
    /** estimate_token_usage before anything runs. */
    estimated_tokens: z.number().int().min(0),
  }),
);

export const GenerationStageStarted = defineEvent(
  'GenerationStageStarted',
  z.object({ stage: Stage, attempt: Attempt, trigger: Trigger }),
);

/** What a stage produced; each stage fills its own fields. */
export const StageOutput = z.strictObject({
  analysis: KeywordAnalysis.optional(),
  /** profile_compilation: the profile entries worth drawing on, most relevant first, and the job's skills the profile has or lacks. */
  compilation: z
    .strictObject({ relevant_entry_ids: z.array(z.string()), matched_skills: z.array(z.string()), missing_skills: z.array(z.string()) })
    .optional(),
  resume: ResumeContent.nullable().optional(),
  cover_letter: CoverLetterContent.nullable().optional(),
  /** content_generation: which writer, its token usage, and what the fabrication checker removed (kinds and places, never the text). */
  provider: z.string().optional(),
  tokens: z.strictObject({ prompt: z.number().int().min(0), completion: z.number().int().min(0) }).optional(),
  repaired: z.array(z.strictObject({ kind: ViolationKind, path: z.string() })).optional(),
  resume_quality: QualityReport.nullable().optional(),
  cover_letter_quality: CoverLetterQualityReport.nullable().optional(),
  /** export_preparation: the formats the document can be exported to. */
  formats: z.array(z.enum(['pdf', 'docx', 'html', 'md', 'txt'])).optional(),
  /**
   * export_preparation: what the rendered PDF and DOCX gave back (paths only, nothing personal);
   * the stage also outputs `resume_quality` again, scored with it.
   */
  parse_back: ParseBackReport.optional(),
});
export type StageOutput = z.infer<typeof StageOutput>;

export const GenerationStageCompleted = defineEvent(
  'GenerationStageCompleted',
  z.object({ user_id: Uuid, stage: Stage, attempt: Attempt, duration_ms: z.number().int().min(0), output: StageOutput }),
);

export const GenerationStageFailed = defineEvent(
  'GenerationStageFailed',
  z.object({ stage: Stage, attempt: Attempt, reason: z.string().max(1000), retryable: z.boolean() }),
);

export const GenerationCompleted = defineEvent(
  'GenerationCompleted',
  z.object({ ats_score: z.number().min(0).max(1).nullable(), trigger: Trigger }),
);

export const GenerationFailed = defineEvent(
  'GenerationFailed',
  z.object({ stage: Stage, reason: z.string().max(1000), trigger: Trigger }),
);

export const GenerationCancelled = defineEvent('GenerationCancelled', z.object({ at_stage: Stage.nullable() }));

export const GenerationFeedbackGiven = defineEvent(
  'GenerationFeedbackGiven',
  z.object({ user_id: Uuid, rating: z.number().int().min(1).max(5), comments: z.string().max(2000).nullable() }),
);

export const GenerationDeleted = defineEvent('GenerationDeleted', z.object({ generation_id: Uuid, user_id: Uuid }));

export const GenerationEventSchemas = [
  GenerationRequested,
  GenerationStageStarted,
  GenerationStageCompleted,
  GenerationStageFailed,
  GenerationCompleted,
  GenerationFailed,
  GenerationCancelled,
  GenerationFeedbackGiven,
  GenerationDeleted,
] as const;
export const GenerationEventSchema = z.discriminatedUnion('type', GenerationEventSchemas);
export type GenerationEvent = z.infer<typeof GenerationEventSchema>;
