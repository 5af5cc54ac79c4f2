import { randomUUID } from 'node:crypto';
import { GenerationEvent, Stage } from '../../../contracts/generations/events';
import { GenerationIntegrationEvent } from '../../../contracts/integration/generations';
import { generationDecider } from '../../../src/generations/generation-decider';
import { react, Reaction } from '../../../src/generations/process-manager/policy';
import { fold } from '../../../src/shared/decider';
import { allStagesDone, completed, failed, generation_id, now, requested, started, user_id } from './samples';

const envelope = { schema_version: 1, occurred_at: now, correlation_id: 'c-1', source_stream: `generation-${generation_id}`, source_revision: 0 } as const;
const message = (event_type: GenerationIntegrationEvent['event_type'], data: Record<string, unknown>) =>
  ({ ...envelope, event_id: randomUUID(), event_type, data: { generation_id, ...data } }) as GenerationIntegrationEvent;

/** given(history).when(message).then(reactions) for the pipeline policy. */
const given = (history: GenerationEvent[]) => ({
  when: (incoming: GenerationIntegrationEvent) => ({
    then: (expected: (trigger: string) => Reaction[]) => expect(react(incoming, fold(generationDecider, history), now)).toEqual(expected(incoming.event_id)),
  }),
});
const start = (stage: Stage, attempt: number) => (trigger: string): Reaction[] => [
  { type: 'handle', command: { type: 'StartStage', generation_id, now, stage, attempt, trigger } },
];

describe('pipeline policy: react(message, state)', () => {
  it('given a request, when generation.requested arrives, then job analysis starts (attempt 1)', () => {
    given([requested]).when(message('generation.requested', { user_id, kind: 'resume', profile_id: randomUUID(), job_id: 'j', parent_id: null })).then(start('job_analysis', 1));
  });

  it('given a stage that runs, when its stage_started arrives, then it is run; a stale attempt is not', () => {
    given([requested, started('profile_compilation', 2)])
      .when(message('generation.stage_started', { stage: 'profile_compilation', attempt: 2 }))
      .then(() => [{ type: 'run_stage', stage: 'profile_compilation', attempt: 2 }]);
    given([requested, started('profile_compilation', 2)]).when(message('generation.stage_started', { stage: 'profile_compilation', attempt: 1 })).then(() => []);
  });

  it('given a completed stage, when stage_completed arrives again after the result was recorded, then it is not run again', () => {
    given([requested, started('job_analysis'), completed('job_analysis')])
      .when(message('generation.stage_started', { stage: 'job_analysis', attempt: 1 }))
      .then(() => []);
  });

  it.each([
    ['job_analysis', 'profile_compilation'],
    ['profile_compilation', 'content_generation'],
    ['content_generation', 'quality_validation'],
    ['quality_validation', 'export_preparation'],
  ] as const)('given %s completed, when its stage_completed arrives, then %s starts', (done, next) => {
    given([requested, started(done), completed(done)]).when(message('generation.stage_completed', { stage: done, attempt: 1, duration_ms: 3 })).then(start(next, 1));
  });

  it('given every stage completed, when the last stage_completed arrives, then the generation completes', () => {
    given(allStagesDone)
      .when(message('generation.stage_completed', { stage: 'export_preparation', attempt: 1, duration_ms: 3 }))
      .then((trigger) => [{ type: 'handle', command: { type: 'CompleteGeneration', generation_id, now, trigger } }]);
  });

  it('given a retryable failure with attempts left, then wait (1 s, then 2 s) and start the next attempt', () => {
    given([requested, started('content_generation'), failed('content_generation', 1)])
      .when(message('generation.stage_failed', { stage: 'content_generation', attempt: 1, retryable: true }))
      .then((trigger) => [{ type: 'wait', ms: 1000 }, ...start('content_generation', 2)(trigger)]);
    given([requested, started('content_generation', 2), failed('content_generation', 2)])
      .when(message('generation.stage_failed', { stage: 'content_generation', attempt: 2, retryable: true }))
      .then((trigger) => [{ type: 'wait', ms: 2000 }, ...start('content_generation', 3)(trigger)]);
  });

  it('given the third failure, or one that cannot be retried, then the generation fails with a reason the user can read', () => {
    given([requested, started('content_generation', 3), failed('content_generation', 3)])
      .when(message('generation.stage_failed', { stage: 'content_generation', attempt: 3, retryable: true }))
      .then((trigger) => [
        {
          type: 'handle',
          command: {
            type: 'FailGeneration',
            generation_id,
            now,
            stage: 'content_generation',
            reason: 'Content generation failed (after 3 attempts): The writing service is temporarily unavailable',
            trigger,
          },
        },
      ]);
    const [reaction] = react(
      message('generation.stage_failed', { stage: 'job_analysis', attempt: 1, retryable: false }),
      fold(generationDecider, [requested, started('job_analysis'), failed('job_analysis', 1, false)]),
      now,
    );
    expect(reaction).toMatchObject({ type: 'handle', command: { type: 'FailGeneration', stage: 'job_analysis' } });
  });

  it('given a cancelled generation, when anything arrives, then nothing happens', () => {
    const cancelled: GenerationEvent[] = [requested, started('job_analysis'), { type: 'GenerationCancelled', data: { at_stage: 'job_analysis' } }];
    given(cancelled).when(message('generation.stage_started', { stage: 'job_analysis', attempt: 1 })).then(() => []);
    given(cancelled).when(message('generation.stage_completed', { stage: 'job_analysis', attempt: 1, duration_ms: 1 })).then(() => []);
  });

  it('given no such generation (deleted, or not yet readable), then nothing happens', () => {
    given([]).when(message('generation.requested', { user_id, kind: 'resume', profile_id: randomUUID(), job_id: 'j', parent_id: null })).then(() => []);
  });
});
