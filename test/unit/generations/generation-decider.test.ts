import { randomUUID } from 'node:crypto';
import { generationDecider } from '../../../src/generations/generation-decider';
import { fold } from '../../../src/shared/decider';
import { given } from '../../support/given';
import { allStagesDone, completed, failed, generation_id, now, requested, started, user_id } from './samples';

describe('generation decider', () => {
  it('given nothing, when requested, then GenerationRequested records the request as asked', () => {
    const { generation_id: _id, ...data } = requested.data;
    given(generationDecider, []).when({ type: 'RequestGeneration', generation_id, now, ...data }).then([requested]);
  });

  it('given a request, when a stage is started, then it runs; when the same trigger comes again, nothing happens', () => {
    const trigger = randomUUID();
    given(generationDecider, [requested])
      .when({ type: 'StartStage', generation_id, now, stage: 'job_analysis', attempt: 1, trigger })
      .then([started('job_analysis', 1, trigger)]);
    given(generationDecider, [requested, started('job_analysis', 1, trigger)])
      .when({ type: 'StartStage', generation_id, now, stage: 'job_analysis', attempt: 1, trigger })
      .then([]);
  });

  it('given a running stage, when its result comes twice, then it is recorded once', () => {
    const complete = { type: 'CompleteStage', generation_id, now, stage: 'job_analysis', attempt: 1, duration_ms: 5, output: {} } as const;
    given(generationDecider, [requested, started('job_analysis')]).when(complete).then([completed('job_analysis')]);
    given(generationDecider, [requested, started('job_analysis'), completed('job_analysis')]).when(complete).then([]);
  });

  it('given a stage running its second attempt, when a late result of the first attempt comes, then nothing is recorded', () => {
    const history = [requested, started('job_analysis'), failed('job_analysis'), started('job_analysis', 2)];
    given(generationDecider, history)
      .when({ type: 'CompleteStage', generation_id, now, stage: 'job_analysis', attempt: 1, duration_ms: 5, output: {} })
      .then([]);
  });

  it('given a completed stage, when it is started again with a new trigger, then nothing happens', () => {
    given(generationDecider, [requested, started('job_analysis'), completed('job_analysis')])
      .when({ type: 'StartStage', generation_id, now, stage: 'job_analysis', attempt: 1, trigger: randomUUID() })
      .then([]);
  });

  it('given every stage done, when completed, then GenerationCompleted; before that, nothing', () => {
    const trigger = randomUUID();
    given(generationDecider, allStagesDone)
      .when({ type: 'CompleteGeneration', generation_id, now, trigger })
      .then([{ type: 'GenerationCompleted', data: { ats_score: null, trigger } }]);
    given(generationDecider, allStagesDone.slice(0, -1)).when({ type: 'CompleteGeneration', generation_id, now, trigger }).then([]);
  });

  it('given a running generation, when its owner cancels, then it is cancelled and no stage can start or complete after', () => {
    const history = [requested, started('job_analysis')];
    given(generationDecider, history)
      .when({ type: 'CancelGeneration', generation_id, now, user_id })
      .then([{ type: 'GenerationCancelled', data: { at_stage: 'job_analysis' } }]);
    const cancelled = [...history, { type: 'GenerationCancelled', data: { at_stage: 'job_analysis' } } as const];
    given(generationDecider, cancelled)
      .when({ type: 'CompleteStage', generation_id, now, stage: 'job_analysis', attempt: 1, duration_ms: 5, output: {} })
      .then([]);
    given(generationDecider, cancelled).when({ type: 'StartStage', generation_id, now, stage: 'profile_compilation', attempt: 1, trigger: randomUUID() }).then([]);
  });

  it('given someone else, when they cancel, give feedback or delete, then there is no such generation', () => {
    const stranger = randomUUID();
    given(generationDecider, [requested]).when({ type: 'CancelGeneration', generation_id, now, user_id: stranger }).thenFails('GENERATION.NOT_FOUND');
    given(generationDecider, [requested]).when({ type: 'DeleteGeneration', generation_id, now, user_id: stranger }).thenFails('GENERATION.NOT_FOUND');
  });

  it('given a completed generation, then feedback is recorded, cancelling is refused and deleting deletes', () => {
    const done = [...allStagesDone, { type: 'GenerationCompleted', data: { ats_score: 0.7, trigger: randomUUID() } } as const];
    given(generationDecider, done)
      .when({ type: 'GiveFeedback', generation_id, now, user_id, rating: 4, comments: null })
      .then([{ type: 'GenerationFeedbackGiven', data: { user_id, rating: 4, comments: null } }]);
    given(generationDecider, done).when({ type: 'CancelGeneration', generation_id, now, user_id }).thenFails('GENERATION.FINISHED');
    given(generationDecider, done).when({ type: 'DeleteGeneration', generation_id, now, user_id }).then([{ type: 'GenerationDeleted', data: { generation_id, user_id } }]);
    given(generationDecider, [requested]).when({ type: 'GiveFeedback', generation_id, now, user_id, rating: 4, comments: null }).thenFails('GENERATION.NOT_READY');
  });

  it('folds the stages, the merged output and the status', () => {
    const state = fold(generationDecider, [requested, started('job_analysis'), failed('job_analysis'), started('job_analysis', 2)]);
    if (state.status !== 'running') throw new Error(state.status);
    expect(state.current).toEqual({ stage: 'job_analysis', attempt: 2 });
    expect(state.stages.job_analysis).toMatchObject({ status: 'running', attempt: 2, reason: null });
    expect(state.stages.profile_compilation.status).toBe('waiting');
  });
});
