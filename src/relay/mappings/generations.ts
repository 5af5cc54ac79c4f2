import { IntegrationTopics } from '../../../contracts/integration';
import * as G from '../../../contracts/integration/generations';
import { GenerationEvent } from '../../../contracts/generations/events';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const generations = on(IntegrationTopics.generations);

/** Generation events → `jobwise.generations.v1`: ids, stages, attempts, durations and scores; never text. */
export const GENERATION_MAPPINGS: AggregateMapping<GenerationEvent['type']> = {
  GenerationRequested: (event) => {
    const { generation_id, user_id, kind, profile_id, job_id, parent_id, options } = event.data;
    return generations(event, build(G.GenerationRequestedV1, event, { generation_id, user_id, kind, profile_id, job_id, parent_id, template: options.template }));
  },
  GenerationStageStarted: (event) =>
    generations(event, build(G.GenerationStageStartedV1, event, { generation_id: streamEntityId(event.stream_id), stage: event.data.stage, attempt: event.data.attempt })),
  GenerationStageCompleted: (event) => {
    const { stage, attempt, duration_ms } = event.data;
    return generations(event, build(G.GenerationStageCompletedV1, event, { generation_id: streamEntityId(event.stream_id), stage, attempt, duration_ms }));
  },
  GenerationStageFailed: (event) => {
    const { stage, attempt, retryable } = event.data;
    return generations(event, build(G.GenerationStageFailedV1, event, { generation_id: streamEntityId(event.stream_id), stage, attempt, retryable }));
  },
  GenerationCompleted: (event) =>
    generations(event, build(G.GenerationCompletedV1, event, { generation_id: streamEntityId(event.stream_id), ats_score: event.data.ats_score })),
  GenerationFailed: (event) => generations(event, build(G.GenerationFailedV1, event, { generation_id: streamEntityId(event.stream_id), stage: event.data.stage })),
  GenerationCancelled: (event) =>
    generations(event, build(G.GenerationCancelledV1, event, { generation_id: streamEntityId(event.stream_id), at_stage: event.data.at_stage })),
  GenerationFeedbackGiven: (event) =>
    generations(event, build(G.GenerationFeedbackGivenV1, event, { generation_id: streamEntityId(event.stream_id), rating: event.data.rating })),
  GenerationDeleted: (event) =>
    generations(event, build(G.GenerationDeletedV1, event, { generation_id: event.data.generation_id, user_id: event.data.user_id })),
};
