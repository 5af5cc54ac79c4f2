import { randomUUID } from 'node:crypto';
import { GenerationEvent, Stage } from '../../../contracts/generations/events';

export const now = '2026-11-30T10:00:00.000Z';
export const generation_id = randomUUID();
export const user_id = randomUUID();

export const requested: Extract<GenerationEvent, { type: 'GenerationRequested' }> = {
  type: 'GenerationRequested',
  data: {
    generation_id,
    user_id,
    kind: 'resume',
    profile_id: randomUUID(),
    profile_version: 4,
    job_id: randomUUID(),
    job_version: 2,
    options: { template: 'technical', focus_areas: [], max_length: 600, include_cover_letter: false, tone: 'professional', cover_letter_max_length: 400 },
    parent_id: null,
    feedback: null,
    estimated_tokens: 1800,
  },
};

export const started = (stage: Stage, attempt = 1, trigger = randomUUID()): GenerationEvent => ({
  type: 'GenerationStageStarted',
  data: { stage, attempt, trigger },
});
export const completed = (stage: Stage, attempt = 1): GenerationEvent => ({
  type: 'GenerationStageCompleted',
  data: { user_id, stage, attempt, duration_ms: 5, output: {} },
});
export const failed = (stage: Stage, attempt = 1, retryable = true): GenerationEvent => ({
  type: 'GenerationStageFailed',
  data: { stage, attempt, reason: 'The writing service is temporarily unavailable', retryable },
});

/** Requested, and every stage started and completed in order. */
export const allStagesDone: GenerationEvent[] = [
  requested,
  ...(['job_analysis', 'profile_compilation', 'content_generation', 'quality_validation', 'export_preparation'] as const).flatMap((stage) => [started(stage), completed(stage)]),
];
