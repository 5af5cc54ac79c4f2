import { randomUUID } from 'node:crypto';
import { GenerationEvent, Stage, STAGE_SECONDS, STAGES, StageOutput } from '../../../contracts/generations/events';
import { generationsProjection } from '../../../projections/generations';
import { allStagesDone, completed, failed, generation_id, now, requested, started, user_id } from '../generations/samples';
import { envelope as envelopeOf } from '../../support/envelopes';

const stream_id = `generation-${generation_id}`;
/** The n-th event of the stream happened n seconds after `now`. */
const at = (n: number) => new Date(Date.parse(now) + n * 1000).toISOString();

const envelope = (event: GenerationEvent, revision: number) => envelopeOf(event, { stream_id, revision, occurred_at: at(revision), actor: user_id });

/** given(history).when(event): the document after the history and then the event, folded from nothing. */
const given = (...history: GenerationEvent[]) => ({
  when: (event: GenerationEvent) =>
    [...history, event].reduce(
      (doc, e, revision) => generationsProjection.evolve(doc, envelope(e, revision)),
      null as ReturnType<typeof generationsProjection.evolve>,
    ),
});

const TOTAL_SECONDS = STAGES.reduce((sum, stage) => sum + STAGE_SECONDS[stage], 0);
/** The progress once `stages` have completed: their share of the expected time. */
const progressAfter = (...stages: Stage[]) => Math.round((100 * stages.reduce((sum, s) => sum + STAGE_SECONDS[s], 0)) / TOTAL_SECONDS);

/** A first attempt at `stage` that completed in `duration_ms` with `output`. */
const completedWith = (stage: Stage, duration_ms: number, output: StageOutput): GenerationEvent => ({
  type: 'GenerationStageCompleted',
  data: { user_id, stage, attempt: 1, duration_ms, output },
});

const stageOf = (doc: ReturnType<typeof generationsProjection.evolve>, stage: Stage) => doc!.stages.find((s) => s.stage === stage);

describe('generations_v1 projection', () => {
  it('is owned by user_id, handles every generation event and keys documents by the stream id', () => {
    expect(generationsProjection.owner).toBe('user_id');
    expect(generationsProjection.handles).toEqual([
      'GenerationRequested',
      'GenerationStageStarted',
      'GenerationStageCompleted',
      'GenerationStageFailed',
      'GenerationCompleted',
      'GenerationFailed',
      'GenerationCancelled',
      'GenerationFeedbackGiven',
      'GenerationDeleted',
    ]);
    expect(generationsProjection.documentId(envelope(requested, 0))).toBe(generation_id);
  });

  it('given nothing, when requested, then a pending document with the versions, options and estimate, every stage waiting', () => {
    const doc = given().when(requested);
    const { profile_id, profile_version, job_id, job_version, options, estimated_tokens } = requested.data;
    expect(doc).toEqual({
      id: generation_id,
      user_id,
      kind: 'resume',
      status: 'pending',
      current_stage: null,
      progress: 0,
      stages: STAGES.map((stage) => ({ stage, status: 'waiting', attempt: 0, duration_ms: null, reason: null })),
      profile_id,
      profile_version,
      job_id,
      job_version,
      parent_id: null,
      options,
      ats_score: null,
      failure: null,
      estimated_tokens,
      feedback: null,
      ratings: [],
      result: {},
      created_at: at(0),
      completed_at: null,
      version: 1,
      updated_at: at(0),
    });
  });

  it('given no request, when any other event comes, then there is no document', () => {
    expect(given().when(started('job_analysis'))).toBeNull();
  });

  it('given requested, when a stage starts, then the generation runs that stage', () => {
    const doc = given(requested).when(started('job_analysis'));
    expect(doc).toMatchObject({ status: 'running', current_stage: 'job_analysis', progress: 0, version: 2, updated_at: at(1) });
    expect(stageOf(doc, 'job_analysis')).toEqual({ stage: 'job_analysis', status: 'running', attempt: 1, duration_ms: null, reason: null });
    expect(stageOf(doc, 'profile_compilation')!.status).toBe('waiting');
  });

  it('given a stage running, when it completes, then its duration is kept, its output merged into the result and the progress weighted by its expected time', () => {
    const output = { provider: 'deterministic', tokens: { prompt: 120, completion: 80 } };
    const doc = given(requested, started('job_analysis')).when(completedWith('job_analysis', 42, output));
    expect(stageOf(doc, 'job_analysis')).toEqual({ stage: 'job_analysis', status: 'completed', attempt: 1, duration_ms: 42, reason: null });
    expect(doc!.result).toEqual(output);
    expect(doc!.progress).toBe(progressAfter('job_analysis'));
    expect(doc!.status).toBe('running');
  });

  it('weights progress by STAGE_SECONDS: of 5.5 expected seconds, two 1 s stages are 36 %, the 2 s content generation brings it to 73 %', () => {
    expect(TOTAL_SECONDS).toBe(5.5);
    const twoDone = [requested, started('job_analysis'), completed('job_analysis'), started('profile_compilation')];
    expect(given(...twoDone).when(completed('profile_compilation'))!.progress).toBe(36);
    expect(given(...twoDone, completed('profile_compilation'), started('content_generation')).when(completed('content_generation'))!.progress).toBe(73);
  });

  it('given stages that completed, when a later one completes, then its output is merged with theirs', () => {
    const doc = given(requested, started('job_analysis'), completedWith('job_analysis', 5, { provider: 'first' })).when(completedWith('export_preparation', 5, { formats: ['pdf', 'md'] }));
    expect(doc!.result).toEqual({ provider: 'first', formats: ['pdf', 'md'] });
  });

  it('given every stage completed, then progress is 100 and the current stage is the last', () => {
    const doc = given(...allStagesDone.slice(0, -1)).when(allStagesDone[allStagesDone.length - 1]);
    expect(doc).toMatchObject({ progress: 100, current_stage: 'export_preparation', status: 'running' });
    expect(doc!.stages.map((s) => s.status)).toEqual(STAGES.map(() => 'completed'));
  });

  it('given a stage running, when it fails, then the stage records the reason and counts for no progress', () => {
    const doc = given(requested, started('job_analysis')).when(failed('job_analysis'));
    expect(stageOf(doc, 'job_analysis')).toEqual({
      stage: 'job_analysis',
      status: 'failed',
      attempt: 1,
      duration_ms: null,
      reason: 'The writing service is temporarily unavailable',
    });
    expect(doc).toMatchObject({ status: 'running', current_stage: 'job_analysis', progress: 0, failure: null, completed_at: null });
  });

  it('given a failed attempt, when the stage starts again, then it runs with the new attempt and the reason is cleared', () => {
    const doc = given(requested, started('job_analysis'), failed('job_analysis')).when(started('job_analysis', 2));
    expect(stageOf(doc, 'job_analysis')).toEqual({ stage: 'job_analysis', status: 'running', attempt: 2, duration_ms: null, reason: null });
  });

  it('given every stage done, when the generation completes, then it is completed with its ATS score at that time', () => {
    const doc = given(...allStagesDone).when({ type: 'GenerationCompleted', data: { ats_score: 0.82, trigger: randomUUID() } });
    expect(doc).toMatchObject({ status: 'completed', progress: 100, ats_score: 0.82, completed_at: at(allStagesDone.length), version: allStagesDone.length + 1 });
  });

  it('given a stage that failed for good, when the generation fails, then it names the stage and reason', () => {
    const doc = given(requested, started('content_generation'), failed('content_generation', 3, false)).when({
      type: 'GenerationFailed',
      data: { stage: 'content_generation', reason: 'gave up', trigger: randomUUID() },
    });
    expect(doc).toMatchObject({ status: 'failed', failure: { stage: 'content_generation', reason: 'gave up' }, completed_at: at(3), ats_score: null });
  });

  it('given a generation under way, when it is cancelled, then it is cancelled where it stood', () => {
    const doc = given(requested, started('job_analysis'), completed('job_analysis'), started('profile_compilation')).when({
      type: 'GenerationCancelled',
      data: { at_stage: 'profile_compilation' },
    });
    expect(doc).toMatchObject({ status: 'cancelled', completed_at: at(4), progress: progressAfter('job_analysis'), current_stage: 'profile_compilation' });
  });

  it('given a completed generation, when feedback is given twice, then both ratings are kept in order', () => {
    const done: GenerationEvent = { type: 'GenerationCompleted', data: { ats_score: 0.7, trigger: randomUUID() } };
    const doc = given(...allStagesDone, done, { type: 'GenerationFeedbackGiven', data: { user_id, rating: 4, comments: null } }).when({
      type: 'GenerationFeedbackGiven',
      data: { user_id, rating: 2, comments: 'Too long' },
    });
    expect(doc!.ratings).toEqual([
      { rating: 4, comments: null },
      { rating: 2, comments: 'Too long' },
    ]);
  });

  it('given a generation, when it is deleted, then the document is gone', () => {
    expect(given(...allStagesDone).when({ type: 'GenerationDeleted', data: { generation_id, user_id } })).toBeNull();
  });
});
