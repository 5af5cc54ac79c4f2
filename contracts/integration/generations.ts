import { z } from 'zod';
import { Template } from '../generations/content';
import { GenerationKind, Stage } from '../generations/events';
import { Uuid } from '../shared/primitives';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.generations.v1`, key `generation-<id>`: the pipeline's progress, which the
 * process manager consumes to advance it, and analytics may count. Ids, stages, attempts,
 * durations and scores only: never the generated text, the options the user typed or a reason
 * that could quote them.
 */
const id = { generation_id: Uuid };
const run = { ...id, stage: Stage, attempt: z.number().int().min(1) };

export const GenerationRequestedV1 = integrationEvent(
  'generation.requested',
  1,
  z.strictObject({
    ...id,
    user_id: Uuid,
    kind: GenerationKind,
    profile_id: Uuid,
    job_id: z.string(),
    parent_id: Uuid.nullable(),
    /** The template asked for (added within v1: optional, absent from messages published before it). */
    template: Template.optional(),
  }),
);
export const GenerationStageStartedV1 = integrationEvent('generation.stage_started', 1, z.strictObject(run));
export const GenerationStageCompletedV1 = integrationEvent(
  'generation.stage_completed',
  1,
  z.strictObject({ ...run, duration_ms: z.number().int().min(0) }),
);
export const GenerationStageFailedV1 = integrationEvent('generation.stage_failed', 1, z.strictObject({ ...run, retryable: z.boolean() }));
export const GenerationCompletedV1 = integrationEvent(
  'generation.completed',
  1,
  z.strictObject({ ...id, ats_score: z.number().min(0).max(1).nullable() }),
);
export const GenerationFailedV1 = integrationEvent('generation.failed', 1, z.strictObject({ ...id, stage: Stage }));
export const GenerationCancelledV1 = integrationEvent('generation.cancelled', 1, z.strictObject({ ...id, at_stage: Stage.nullable() }));
export const GenerationFeedbackGivenV1 = integrationEvent('generation.feedback_given', 1, z.strictObject({ ...id, rating: z.number().int() }));
export const GenerationDeletedV1 = integrationEvent('generation.deleted', 1, z.strictObject({ ...id, user_id: Uuid }));

export const GenerationIntegrationEventSchemas = [
  GenerationRequestedV1,
  GenerationStageStartedV1,
  GenerationStageCompletedV1,
  GenerationStageFailedV1,
  GenerationCompletedV1,
  GenerationFailedV1,
  GenerationCancelledV1,
  GenerationFeedbackGivenV1,
  GenerationDeletedV1,
] as const;
export const GenerationIntegrationEvent = z.discriminatedUnion('event_type', GenerationIntegrationEventSchemas);
export type GenerationIntegrationEvent = z.infer<typeof GenerationIntegrationEvent>;
