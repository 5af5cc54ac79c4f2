import { JOB_BOARD_ACTOR } from '../../../contracts/jobs/commands';
import { JobEvent } from '../../../contracts/jobs/events';
import { contentHash } from '../../../src/jobs/catalogue/catalogue';
import { prepareJobCommand } from '../../../src/jobs/job-aggregate';
import { jobDecider } from '../../../src/jobs/job-decider';
import { analyzeJob } from '../../../src/keywords';
import { boardJobId } from '../../../src/job-sources/board-job-id';
import { given } from '../../support/given';
import { jobContent } from '../../support/job-fixtures';

/** Board jobs (source `api`) through the job aggregate: SyncBoardJob and CloseBoardJob. */
const now = '2026-11-30T08:00:00.000Z';
const job_id = boardJobId('acme-greenhouse', '4012345');
const content = jobContent({ external_job_id: '4012345', expires_date: null });
const content_hash = contentHash(content);
const analysis = analyzeJob(content);
const changed = jobContent({ external_job_id: '4012345', title: 'Staff Backend Engineer', expires_date: null });

const sync = (c = content) => ({ type: 'SyncBoardJob' as const, job_id, actor: JOB_BOARD_ACTOR, now, content: c, content_hash: contentHash(c), analysis: analyzeJob(c) });
const close = { type: 'CloseBoardJob' as const, job_id, actor: JOB_BOARD_ACTOR, now };
const created: JobEvent = { type: 'JobCreated', data: { job_id, source: 'api', user_id: null, status: 'active', catalogue_id: null, content, content_hash } };
const analyzed: JobEvent = { type: 'JobAnalyzed', data: { content_hash, analysis } };
const archived: JobEvent = { type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } };

describe('board jobs', () => {
  it('derives the same job id from the same source and posting, and different ids otherwise', () => {
    expect(boardJobId('acme-greenhouse', '4012345')).toBe(job_id);
    expect(boardJobId('acme-lever', '4012345')).not.toBe(job_id);
    expect(boardJobId('acme-greenhouse', '4012346')).not.toBe(job_id);
  });

  it('creates a new posting as an active job of source api that nobody owns, with its analysis', () => {
    given(jobDecider).when(sync()).then([created, analyzed]);
  });

  it('decides nothing for an unchanged posting (and prepare skips the analysis)', () => {
    given(jobDecider, [created, analyzed]).when(sync()).then([]);
    const state = [created, analyzed].reduce(jobDecider.evolve, jobDecider.initialState);
    expect(prepareJobCommand({ type: 'SyncBoardJob', job_id, actor: JOB_BOARD_ACTOR, now, content, content_hash }, state)).toBeNull();
  });

  it('updates a changed posting', () => {
    const events = given(jobDecider, [created, analyzed]).when(sync(changed)).events();
    expect(events.map((e) => e.type)).toEqual(['JobUpdated', 'JobAnalyzed']);
  });

  it('archives the job of a posting that left the board, once', () => {
    given(jobDecider, [created, analyzed]).when(close).then([archived]);
    given(jobDecider, [created, analyzed, archived]).when(close).then([]);
  });

  it('re-activates the job when its posting is back on the board', () => {
    given(jobDecider, [created, analyzed, archived]).when(sync()).then([{ type: 'JobStatusChanged', data: { from: 'archived', to: 'active' } }]);
  });

  it('never touches a job that is not a board job, nor a deleted or missing one', () => {
    const userJob: JobEvent = { type: 'JobCreated', data: { ...created.data, source: 'user_created', user_id: '6f1c2b3a-0000-4000-8000-000000000001' } } as JobEvent;
    given(jobDecider, [userJob, analyzed]).when(sync(changed)).then([]);
    given(jobDecider, [userJob, analyzed]).when(close).then([]);
    given(jobDecider).when(close).then([]);
    const deleted: JobEvent = { type: 'JobDeleted', data: { job_id, user_id: '6f1c2b3a-0000-4000-8000-000000000001' } };
    given(jobDecider, [userJob, analyzed, deleted]).when(sync()).then([]);
  });
});
