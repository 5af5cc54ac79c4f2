import { GenerationCommand } from '../../contracts/generations/commands';
import { GenerationEvent, GenerationKind, Stage, StageOutput, STAGES } from '../../contracts/generations/events';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

type Requested = Extract<GenerationEvent, { type: 'GenerationRequested' }>['data'];

export type GenerationStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface StageRun {
  status: 'waiting' | 'running' | 'completed' | 'failed';
  attempt: number;
  duration_ms: number | null;
  reason: string | null;
}

export interface Generation {
  status: GenerationStatus;
  generation_id: string;
  user_id: string;
  kind: GenerationKind;
  request: Requested;
  /** The stage (and attempt) that runs now or ran last; null before the first. */
  current: { stage: Stage; attempt: number } | null;
  stages: Record<Stage, StageRun>;
  /** Every stage's output, merged in stage order. */
  output: StageOutput;
  failure: { stage: Stage; reason: string } | null;
  /** Integration events already acted on (redeliveries decide nothing). */
  triggers: ReadonlySet<string>;
  feedback: { rating: number; comments: string | null }[];
}

export type GenerationState = { status: 'none' } | { status: 'deleted'; user_id: string } | Generation;

const notFound = () => new DomainError('GENERATION.NOT_FOUND', 'No such generation');
const isFinished = (status: GenerationStatus) => status === 'completed' || status === 'failed' || status === 'cancelled';

function owned(state: GenerationState, user_id: string): Generation {
  if (state.status === 'none' || state.status === 'deleted' || state.user_id !== user_id) throw notFound();
  return state;
}

/** True when the command belongs to the stage attempt that is running now (anything else is stale or repeated). */
const isCurrent = (state: Generation, stage: Stage, attempt: number) =>
  state.status === 'running' && state.current?.stage === stage && state.current.attempt === attempt && state.stages[stage].status === 'running';

/**
 * A generation runs its five stages in order, one attempt at a time. The process manager's
 * commands are idempotent: a trigger already acted on, a stage already started or finished, an
 * attempt that is not the current one, or anything after the end decides nothing, so a
 * redelivered message or a second process manager can never run a stage's result in twice.
 */
export function decide(command: GenerationCommand, state: GenerationState): GenerationEvent[] {
  if (command.type === 'RequestGeneration') {
    if (state.status !== 'none') throw new DomainError('GENERATION.ALREADY_EXISTS', 'This generation already exists');
    const { type: _type, now: _now, ...data } = command;
    return [{ type: 'GenerationRequested', data }];
  }
  if (state.status === 'none' || state.status === 'deleted') throw notFound();
  switch (command.type) {
    case 'StartStage': {
      if (state.triggers.has(command.trigger) || isFinished(state.status)) return [];
      const run = state.stages[command.stage];
      if (run.status === 'completed' || (run.status !== 'waiting' && run.attempt >= command.attempt)) return [];
      return [{ type: 'GenerationStageStarted', data: { stage: command.stage, attempt: command.attempt, trigger: command.trigger } }];
    }
    case 'CompleteStage': {
      if (!isCurrent(state, command.stage, command.attempt)) return [];
      const { stage, attempt, duration_ms, output } = command;
      return [{ type: 'GenerationStageCompleted', data: { user_id: state.user_id, stage, attempt, duration_ms, output } }];
    }
    case 'FailStage': {
      if (!isCurrent(state, command.stage, command.attempt)) return [];
      const { stage, attempt, reason, retryable } = command;
      return [{ type: 'GenerationStageFailed', data: { stage, attempt, reason, retryable } }];
    }
    case 'CompleteGeneration': {
      if (state.triggers.has(command.trigger) || state.status !== 'running') return [];
      if (STAGES.some((stage) => state.stages[stage].status !== 'completed')) return [];
      const quality = state.output.resume_quality ?? state.output.cover_letter_quality ?? null;
      return [{ type: 'GenerationCompleted', data: { ats_score: quality?.ats_score ?? null, trigger: command.trigger } }];
    }
    case 'FailGeneration': {
      if (state.triggers.has(command.trigger) || isFinished(state.status)) return [];
      return [{ type: 'GenerationFailed', data: { stage: command.stage, reason: command.reason, trigger: command.trigger } }];
    }
    case 'CancelGeneration': {
      const generation = owned(state, command.user_id);
      if (generation.status === 'cancelled') return [];
      if (isFinished(generation.status)) throw new DomainError('GENERATION.FINISHED', `The generation already ${generation.status}; there is nothing to cancel`);
      return [{ type: 'GenerationCancelled', data: { at_stage: generation.current?.stage ?? null } }];
    }
    case 'GiveFeedback': {
      const generation = owned(state, command.user_id);
      if (generation.status !== 'completed') throw new DomainError('GENERATION.NOT_READY', 'Feedback can be given once the generation has completed');
      return [{ type: 'GenerationFeedbackGiven', data: { user_id: generation.user_id, rating: command.rating, comments: command.comments } }];
    }
    case 'DeleteGeneration': {
      const generation = owned(state, command.user_id);
      if (!isFinished(generation.status)) return [{ type: 'GenerationCancelled', data: { at_stage: generation.current?.stage ?? null } }];
      return [{ type: 'GenerationDeleted', data: { generation_id: generation.generation_id, user_id: generation.user_id } }];
    }
    default:
      return assertNever(command);
  }
}

const waiting = (): Record<Stage, StageRun> =>
  Object.fromEntries(STAGES.map((stage) => [stage, { status: 'waiting', attempt: 0, duration_ms: null, reason: null }])) as Record<Stage, StageRun>;

export function evolve(state: GenerationState, event: GenerationEvent): GenerationState {
  if (event.type === 'GenerationRequested') {
    const { generation_id, user_id, kind } = event.data;
    return {
      status: 'pending',
      generation_id,
      user_id,
      kind,
      request: event.data,
      current: null,
      stages: waiting(),
      output: {},
      failure: null,
      triggers: new Set(),
      feedback: [],
    };
  }
  if (state.status === 'none' || state.status === 'deleted') return state;
  const remember = (trigger: string) => new Set([...state.triggers, trigger]);
  const setStage = (stage: Stage, run: Partial<StageRun>) => ({ ...state.stages, [stage]: { ...state.stages[stage], ...run } });
  switch (event.type) {
    case 'GenerationStageStarted': {
      const { stage, attempt, trigger } = event.data;
      return { ...state, status: 'running', current: { stage, attempt }, stages: setStage(stage, { status: 'running', attempt, reason: null }), triggers: remember(trigger) };
    }
    case 'GenerationStageCompleted': {
      const { stage, duration_ms, output } = event.data;
      return { ...state, stages: setStage(stage, { status: 'completed', duration_ms }), output: { ...state.output, ...output } };
    }
    case 'GenerationStageFailed':
      return { ...state, stages: setStage(event.data.stage, { status: 'failed', reason: event.data.reason }) };
    case 'GenerationCompleted':
      return { ...state, status: 'completed', triggers: remember(event.data.trigger) };
    case 'GenerationFailed':
      return { ...state, status: 'failed', failure: { stage: event.data.stage, reason: event.data.reason }, triggers: remember(event.data.trigger) };
    case 'GenerationCancelled':
      return { ...state, status: 'cancelled' };
    case 'GenerationFeedbackGiven':
      return { ...state, feedback: [...state.feedback, { rating: event.data.rating, comments: event.data.comments }] };
    case 'GenerationDeleted':
      return { status: 'deleted', user_id: state.user_id };
    default:
      return assertNever(event);
  }
}

export const generationDecider: Decider<GenerationCommand, GenerationEvent, GenerationState> = { initialState: { status: 'none' }, decide, evolve };
