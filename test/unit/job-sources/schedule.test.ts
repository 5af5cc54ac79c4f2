import { SyncResult } from '../../../contracts/job-sources/http';
import { JobSourceConfig } from '../../../contracts/job-sources/source';
import { JobContent } from '../../../contracts/jobs/job';
import { JobSourceHistory, RecordSync } from '../../../src/job-sources/job-source-aggregate';
import { JobSources, SyncHistory } from '../../../src/job-sources/job-sources';
import { BoardJobs } from '../../../src/job-sources/sync';
import { ManualClock } from '../../../src/shared/clock';
import { silentLogger } from '../../../src/shared/logger';
import { JobBoardServer } from '../../support/job-board-server';

/**
 * The schedule of every api process: a board synced by any process less than half an interval
 * ago is not read again; otherwise it is synced at start and the sync recorded.
 */
let server: JobBoardServer;
let source: JobSourceConfig;
const clock = new ManualClock('2026-11-30T08:00:00.000Z');

beforeEach(async () => {
  server = new JobBoardServer();
  const base_url = await server.start();
  source = { id: 'acme-greenhouse', kind: 'greenhouse', board: 'acmerobotics', company: 'Acme Robotics', base_url, sync_interval_minutes: 60, timeout_ms: 5_000 };
});
afterEach(() => server.stop());

/** Jobs and history in memory: what the schedule decides, not how jobs are stored (the HTTP suite covers that). */
function memory(last_sync: SyncResult | null) {
  const jobs = new Map<string, JobContent>();
  const recorded: RecordSync[] = [];
  const boardJobs: BoardJobs = {
    async upsert(job_id, content) {
      const had = jobs.has(job_id);
      jobs.set(job_id, content);
      return had ? 'unchanged' : 'created';
    },
    close: async () => false,
    open: async () => [...jobs.keys()],
  };
  const history: SyncHistory = {
    async record(request) {
      recorded.push(request);
    },
    read: async (): Promise<JobSourceHistory> => ({ last_sync, last_failure: null }),
  };
  return { boardJobs, history, recorded };
}

const finishedMinutesAgo = (minutes: number): SyncResult => {
  const at = new Date(clock.now().getTime() - minutes * 60_000).toISOString();
  return { source_id: 'acme-greenhouse', started_at: at, finished_at: at, fetched: 4, created: 3, updated: 0, archived: 0, unchanged: 0, skipped: 1 };
};

it('does not read a board another process synced 10 minutes ago (interval 60)', async () => {
  const { boardJobs, history, recorded } = memory(finishedMinutesAgo(10));
  const sources = new JobSources([source], boardJobs, history, clock, silentLogger());
  sources.start();
  // Give a sync every chance to reach the board (one does within milliseconds) before stopping.
  for (let i = 0; i < 100 && server.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await sources.stop();
  expect(server.requests).toEqual([]);
  expect(recorded).toEqual([]);
});

it('syncs at start a board last synced 40 minutes ago, and records the sync', async () => {
  const { boardJobs, history, recorded } = memory(finishedMinutesAgo(40));
  const sources = new JobSources([source], boardJobs, history, clock, silentLogger());
  sources.start();
  for (let i = 0; i < 200 && recorded.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await sources.stop();
  expect(server.requests).toEqual(['/v1/boards/acmerobotics/jobs?content=true']);
  expect(recorded).toEqual([{ type: 'RecordSynced', result: expect.objectContaining({ source_id: 'acme-greenhouse', created: 3, skipped: 1 }) }]);
});
