import { JobSourceConfig } from '../../../contracts/job-sources/source';
import { JobContent } from '../../../contracts/jobs/job';
import { boardJobId } from '../../../src/job-sources/board-job-id';
import { JobSourceHistory, RecordSync } from '../../../src/job-sources/job-source-aggregate';
import { JobSources, SyncHistory } from '../../../src/job-sources/job-sources';
import { BoardJobs } from '../../../src/job-sources/sync';
import { ManualClock } from '../../../src/shared/clock';
import { ServiceUnavailableError } from '../../../src/shared/errors';
import { silentLogger } from '../../../src/shared/logger';
import { JobBoardServer } from '../../support/job-board-server';

/**
 * A sync that cannot read its board (issue 14 item 5), through JobSources as the sync route
 * calls it: the board's failure is a 503 (ServiceUnavailableError) and is recorded; nothing is
 * archived from a listing that was not read to its end; a board that keeps answering 429 is
 * given up after 3 attempts with waits capped at 30 s; after 5 failures the breaker is open, the
 * next sync fails without calling the board, and the list says so. Sleeping is recorded, never waited.
 */
let server: JobBoardServer;
let base_url: string;
let clock: ManualClock;
let sleeps: number[];

beforeEach(async () => {
  server = new JobBoardServer();
  base_url = await server.start();
  clock = new ManualClock('2026-11-30T08:00:00.000Z');
  sleeps = [];
});
afterEach(() => server.stop());

const config = (kind: 'greenhouse' | 'lever'): JobSourceConfig =>
  kind === 'greenhouse'
    ? { id: 'acme-greenhouse', kind, board: 'acmerobotics', company: 'Acme Robotics', base_url, sync_interval_minutes: 0, timeout_ms: 5_000 }
    : { id: 'acme-lever', kind, board: 'acme', company: 'Acme Robotics', base_url, sync_interval_minutes: 0, timeout_ms: 5_000 };

/** Jobs and sync history in memory: what a failed sync does to them, not how they are stored (the HTTP suite covers that). */
function sourcesOf(source: JobSourceConfig) {
  const jobs = new Map<string, { content: JobContent; archived: boolean }>();
  const recorded: RecordSync[] = [];
  const boardJobs: BoardJobs = {
    async upsert(job_id, content) {
      const had = jobs.get(job_id);
      jobs.set(job_id, { content, archived: false });
      return had ? (had.archived ? 'updated' : 'unchanged') : 'created';
    },
    async close(job_id) {
      const job = jobs.get(job_id);
      if (!job || job.archived) return false;
      job.archived = true;
      return true;
    },
    open: async () => [...jobs].filter(([, job]) => !job.archived).map(([id]) => id),
  };
  const history: SyncHistory = {
    async record(request) {
      recorded.push(request);
    },
    read: async (): Promise<JobSourceHistory> => ({ last_sync: null, last_failure: null }),
  };
  const policy = {
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
  const sources = new JobSources([source], boardJobs, history, clock, silentLogger(), policy);
  return { sources, jobs, recorded };
}

async function unavailable(promise: Promise<unknown>): Promise<ServiceUnavailableError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceUnavailableError);
  return error as ServiceUnavailableError;
}

describe('a sync that cannot read its board', () => {
  it('archives nothing when a later page of a Lever board fails, and records the failure', async () => {
    const source = config('lever');
    const { sources, jobs, recorded } = sourcesOf(source);
    // 120 postings: two pages of 100
    const [posting] = server.lever;
    server.lever = Array.from({ length: 120 }, (_, i) => ({ ...posting, id: `5b1c2d3e-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    expect(await sources.sync(source.id)).toMatchObject({ fetched: 120, created: 120, archived: 0 });
    expect(server.requests).toEqual(['/v0/postings/acme?mode=json&skip=0&limit=100', '/v0/postings/acme?mode=json&skip=100&limit=100']);

    // page one answers, page two fails on every attempt: the listing is incomplete
    server.requests.length = 0;
    server.scripted.push({ status: 200, body: server.lever.slice(0, 100) });
    server.always = { status: 500 };
    const error = await unavailable(sources.sync(source.id));
    expect(error.message).toMatch(/acme-lever/);
    expect(server.requests).toEqual(['/v0/postings/acme?mode=json&skip=0&limit=100', ...Array(3).fill('/v0/postings/acme?mode=json&skip=100&limit=100')]);
    expect(jobs.size).toBe(120);
    expect([...jobs.values()].filter((job) => job.archived)).toEqual([]);
    expect(recorded.map((r) => r.type)).toEqual(['RecordSynced', 'RecordSyncFailed']);
  });

  it('gives up on a board that keeps answering 429 after 3 attempts, waiting at most 30 s however long Retry-After asks', async () => {
    const source = config('greenhouse');
    const { sources, jobs, recorded } = sourcesOf(source);
    server.always = { status: 429, headers: { 'retry-after': '120' }, body: { error: 'slow down' } };
    const error = await unavailable(sources.sync(source.id));
    expect((error.cause as { failure: string }).failure).toBe('rate_limited');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(jobs.size).toBe(0);
    expect(recorded).toEqual([expect.objectContaining({ type: 'RecordSyncFailed', message: expect.stringMatching(/429/) })]);
  });

  it('opens the breaker after 5 failures: the next sync fails without calling the board, the list shows it, and after 60 s a sync goes through', async () => {
    const source = config('greenhouse');
    const { sources, jobs } = sourcesOf(source);
    server.always = { status: 503 };
    await unavailable(sources.sync(source.id)); // 3 failures
    const opened = await unavailable(sources.sync(source.id)); // 2 more: the breaker opens before the third
    expect((opened.cause as { failure: string }).failure).toBe('breaker_open');
    expect(server.requests).toHaveLength(5);
    expect((await sources.list())[0]).toMatchObject({ id: source.id, breaker: 'open' });

    clock.advance(15_000);
    const refused = await unavailable(sources.sync(source.id));
    expect((refused.cause as { failure: string }).failure).toBe('breaker_open');
    // Retry-After: the seconds left until the breaker lets a trial through (it opened a few seconds of back-off after the first failure).
    const retry_after = refused.retry_after_seconds!;
    expect(retry_after).toBeGreaterThan(35);
    expect(retry_after).toBeLessThanOrEqual(45);
    expect(server.requests).toHaveLength(5);

    server.always = null;
    clock.advance(retry_after * 1000);
    expect(await sources.sync(source.id)).toMatchObject({ created: 3 });
    expect((await sources.list())[0]!.breaker).toBe('closed');
    expect([...jobs.keys()].sort()).toEqual(['4012345', '4012346', '4012347'].map((id) => boardJobId(source.id, id)).sort());
  });
});
