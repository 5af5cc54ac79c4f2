import { GenerationEventSchemas, Stage, STAGE_SECONDS, STAGES } from '../contracts/generations/events';
import { StageView } from '../contracts/generations/http';
import { GenerationDocument, GenerationsReadModel } from '../contracts/generations/read-model';
import { Projection } from '../contracts/shared/projection';
import { Unprojected } from '../contracts/shared/read-model';

type Generation = Unprojected<GenerationDocument>;

const TOTAL_SECONDS = STAGES.reduce((sum, stage) => sum + STAGE_SECONDS[stage], 0);

/** The share of the expected time (STAGE_SECONDS) that completed stages account for, 0–100. */
export function progressOf(stages: StageView[]): number {
  const done = stages.filter((s) => s.status === 'completed').reduce((sum, s) => sum + STAGE_SECONDS[s.stage], 0);
  return Math.round((100 * done) / TOTAL_SECONDS);
}

const withStage = (g: Generation, stage: Stage, change: Partial<StageView>): Pick<Generation, 'stages' | 'progress'> => {
  const stages = g.stages.map((s) => (s.stage === stage ? { ...s, ...change } : s));
  return { stages, progress: progressOf(stages) };
};

/**
 * `generations_v1`: one document per generation, serving GET /generations (yours, filtered,
 * newest first), /generations/{id} with its progress, and /result, /analytics, /validate from the
 * merged stage output.
 */
export const generationsProjection: Projection<GenerationDocument> = {
  ...GenerationsReadModel,
  owner: 'user_id',
  handles: GenerationEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, created_at: -1 } }],
  documentId: (event) => event.stream_id.slice('generation-'.length),
  evolve(current, event) {
    const at = event.metadata.occurred_at;
    const stamp = { version: event.revision + 1, updated_at: at };
    if (event.type === 'GenerationRequested') {
      const { generation_id, user_id, kind, profile_id, profile_version, job_id, job_version, options, parent_id, feedback, estimated_tokens } = event.data;
      return {
        id: generation_id,
        user_id,
        kind,
        status: 'pending',
        current_stage: null,
        progress: 0,
        stages: STAGES.map((stage) => ({ stage, status: 'waiting', attempt: 0, duration_ms: null, reason: null })),
        profile_id,
        profile_version,
        job_id,
        job_version,
        parent_id,
        options,
        ats_score: null,
        failure: null,
        estimated_tokens,
        feedback,
        ratings: [],
        result: {},
        created_at: at,
        completed_at: null,
        ...stamp,
      };
    }
    if (!current) return null;
    switch (event.type) {
      case 'GenerationStageStarted': {
        const { stage, attempt } = event.data;
        return { ...current, status: 'running', current_stage: stage, ...withStage(current, stage, { status: 'running', attempt, reason: null }), ...stamp };
      }
      case 'GenerationStageCompleted': {
        const { stage, duration_ms, output } = event.data;
        return { ...current, ...withStage(current, stage, { status: 'completed', duration_ms }), result: { ...current.result, ...output }, ...stamp };
      }
      case 'GenerationStageFailed':
        return { ...current, ...withStage(current, event.data.stage, { status: 'failed', reason: event.data.reason }), ...stamp };
      case 'GenerationCompleted':
        return { ...current, status: 'completed', progress: 100, ats_score: event.data.ats_score, completed_at: at, ...stamp };
      case 'GenerationFailed':
        return { ...current, status: 'failed', failure: { stage: event.data.stage, reason: event.data.reason }, completed_at: at, ...stamp };
      case 'GenerationCancelled':
        return { ...current, status: 'cancelled', completed_at: at, ...stamp };
      case 'GenerationFeedbackGiven':
        return { ...current, ratings: [...current.ratings, { rating: event.data.rating, comments: event.data.comments }], ...stamp };
      case 'GenerationDeleted':
        return null;
      default:
        return current;
    }
  },
};
