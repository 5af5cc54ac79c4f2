import { GenerationCommand } from '../../../contracts/generations/commands';
import { MAX_STAGE_ATTEMPTS, Stage, STAGES } from '../../../contracts/generations/events';
import { GenerationIntegrationEvent } from '../../../contracts/integration/generations';
import { GenerationState } from '../generation-decider';

/** What the process manager does about one message: commands to handle, a stage to run, or a pause before retrying. */
export type Reaction =
  | { type: 'handle'; command: GenerationCommand }
  | { type: 'run_stage'; stage: Stage; attempt: number }
  | { type: 'wait'; ms: number };

/** Pause before attempt n+1 of a failed stage: 1 s, 2 s, 4 s … (times the stage duration scale). */
export const retryDelayMs = (failedAttempt: number) => 1000 * 2 ** (failedAttempt - 1);

/**
 * The pipeline's policy: given a message from `jobwise.generations.v1` and the generation's
 * current state, what to do next. Pure: the clock travels in `now`, and every command carries
 * the message's event id (`trigger`) or the stage attempt it is about, so acting on a
 * redelivered message decides nothing new (the decider drops it).
 *
 *   requested                → start job_analysis, attempt 1
 *   stage_started (current)  → run that stage
 *   stage_completed          → start the next stage, or complete the generation after the last
 *   stage_failed, retryable, attempts left → wait, then start the same stage's next attempt
 *   stage_failed otherwise   → fail the generation with the stage's reason
 *   anything once the generation is finished, cancelled or deleted → nothing
 */
export function react(message: GenerationIntegrationEvent, state: GenerationState, now: string): Reaction[] {
  if (state.status !== 'pending' && state.status !== 'running') return [];
  const generation_id = state.generation_id;
  const trigger = message.event_id;
  const handle = (command: GenerationCommand): Reaction => ({ type: 'handle', command });
  switch (message.event_type) {
    case 'generation.requested':
      return [handle({ type: 'StartStage', generation_id, now, stage: STAGES[0], attempt: 1, trigger })];
    case 'generation.stage_started': {
      const { stage, attempt } = message.data;
      const run = state.stages[stage];
      return run.status === 'running' && run.attempt === attempt ? [{ type: 'run_stage', stage, attempt }] : [];
    }
    case 'generation.stage_completed': {
      const next = STAGES[STAGES.indexOf(message.data.stage) + 1];
      if (next) return [handle({ type: 'StartStage', generation_id, now, stage: next, attempt: 1, trigger })];
      return [handle({ type: 'CompleteGeneration', generation_id, now, trigger })];
    }
    case 'generation.stage_failed': {
      const { stage, attempt, retryable } = message.data;
      if (retryable && attempt < MAX_STAGE_ATTEMPTS) {
        return [{ type: 'wait', ms: retryDelayMs(attempt) }, handle({ type: 'StartStage', generation_id, now, stage, attempt: attempt + 1, trigger })];
      }
      const reason = state.stages[stage].reason ?? 'The stage failed';
      const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      return [handle({ type: 'FailGeneration', generation_id, now, stage, reason: `${stageLabel(stage)} failed${tries}: ${reason}`, trigger })];
    }
    default:
      return [];
  }
}

const stageLabel = (stage: Stage) => stage.charAt(0).toUpperCase() + stage.slice(1).replace(/_/g, ' ');
