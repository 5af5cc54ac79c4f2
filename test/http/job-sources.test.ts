import { boardJobId } from '../../src/job-sources/board-job-id';
import { jobSourceStream } from '../../src/job-sources/job-source-aggregate';
import { startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { JobBoardServer } from '../support/job-board-server';

/**
 * Job boards as a source (issue 14 item 5), end to end on the embedded stores: an admin syncs a
 * Greenhouse and a Lever board served locally; postings become jobs of source `api` everyone
 * sees; a second sync changes nothing; a changed posting is updated, a dropped one archived
 * and a returning one active again. Other users get 403, unknown sources 404.
 */
let board: JobBoardServer;
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['register']>>;
let user: Awaited<ReturnType<TestApp['register']>>;
const BASE = '/api/v1/job-search/sources';

beforeAll(async () => {
  board = new JobBoardServer();
  const base_url = await board.start();
  const sources = [
    { id: 'acme-greenhouse', kind: 'greenhouse', board: 'acmerobotics', company: 'Acme Robotics', base_url, sync_interval_minutes: 0 },
    { id: 'acme-lever', kind: 'lever', board: 'acme', company: 'Acme Robotics', base_url, sync_interval_minutes: 0 },
    { id: 'gone-board', kind: 'greenhouse', board: 'no-such-board', company: 'Gone Inc', base_url, sync_interval_minutes: 0 },
    // on a schedule: synced once at start, then every 24 hours
    { id: 'scheduled-lever', kind: 'lever', board: 'acme', company: 'Acme Scheduled', base_url, sync_interval_minutes: 24 * 60 },
  ];
  t = await startTestApp({ ADMIN_EMAILS: 'boards.admin@example.com', JOB_SOURCES: JSON.stringify(sources) });
  admin = await t.register({ email: 'boards.admin@example.com' });
  user = await t.register();
});
afterAll(async () => {
  await t.stop();
  await board.stop();
});

const sync = (id: string, who = admin) => t.http.post(`${BASE}/${id}/sync`).set(who.auth);
const job = (source: string, external: string) => t.http.get(`/api/v1/jobs/${boardJobId(source, external)}`).set(user.auth);
const GREENHOUSE_IDS = ['4012345', '4012346', '4012347'];

describe('who may sync', () => {
  it('answers 403 to a user who is not an admin, 401 without a token', async () => {
    expect((await t.http.get(BASE).set(user.auth)).status).toBe(403);
    expect((await sync('acme-greenhouse', user)).status).toBe(403);
    expect((await t.http.post(`${BASE}/acme-greenhouse/sync`)).status).toBe(401);
    expect(board.requests.filter((path) => path.startsWith('/v1/boards/'))).toEqual([]);
  });

  it('answers 404 for a source that is not configured and 400 for a malformed id', async () => {
    expect((await sync('nobody')).status).toBe(404);
    const bad = await sync('Not_A_Source');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('params.id');
  });
});

describe('syncing a board', () => {
  it('lists the configured sources before any sync', async () => {
    const res = await t.http.get(BASE).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(['acme-greenhouse', 'acme-lever', 'gone-board', 'scheduled-lever']);
    expect(res.body.items[0]).toMatchObject({ kind: 'greenhouse', board: 'acmerobotics', company: 'Acme Robotics', last_sync: null, breaker: 'closed' });
  });

  it('creates a job of source api, owned by nobody and visible to every user, for each posting it can map', async () => {
    const res = await sync('acme-greenhouse');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source_id: 'acme-greenhouse', fetched: 4, created: 3, updated: 0, archived: 0, unchanged: 0, skipped: 1 });
    for (const id of GREENHOUSE_IDS) {
      const found = await eventually(async () => {
        const r = await job('acme-greenhouse', id);
        return r.status === 200 ? r : undefined;
      }, `job of posting ${id}`);
      expect(found.body).toMatchObject({ source: 'api', user_id: null, status: 'active', company: 'Acme Robotics', external_job_id: id });
    }
    const listed = await t.http.get(BASE).set(admin.auth);
    expect(listed.body.items[0].last_sync).toEqual(res.body);
    const recorded = await t.http.get(`/api/v1/admin/streams/${jobSourceStream('acme-greenhouse')}/events`).set(admin.auth);
    expect(recorded.status).toBe(200);
    expect(recorded.body.items.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([['JobSourceSynced', res.body]]);
    expect(recorded.body.items[0].metadata.actor).toBe('system:job-board');
  });

  it('changes nothing when synced again', async () => {
    const before = await job('acme-greenhouse', '4012345');
    const res = await sync('acme-greenhouse');
    expect(res.body).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: 3, skipped: 1 });
    expect((await job('acme-greenhouse', '4012345')).body.version).toBe(before.body.version);
  });

  it('joins a sync already under way instead of running a second one', async () => {
    const greenhouseRequests = () => board.requests.filter((path) => path.startsWith('/v1/boards/acmerobotics/')).length;
    const before = greenhouseRequests();
    const [a, b] = await Promise.all([sync('acme-greenhouse'), sync('acme-greenhouse')]);
    expect(a.body).toEqual(b.body);
    expect(greenhouseRequests() - before).toBe(1);
  });

  it('updates the job of a changed posting', async () => {
    board.greenhouse.jobs[1] = { ...board.greenhouse.jobs[1], title: 'Senior Data Analyst' };
    const res = await sync('acme-greenhouse');
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    await eventually(async () => ((await job('acme-greenhouse', '4012346')).body.title === 'Senior Data Analyst' ? true : undefined), 'the read model');
  });

  it('archives the job of a posting that left the board, and re-activates it when it comes back', async () => {
    const dropped = board.greenhouse.jobs.splice(2, 1);
    const res = await sync('acme-greenhouse');
    expect(res.body).toMatchObject({ created: 0, updated: 0, archived: 1, unchanged: 2, fetched: 3 });
    await eventually(async () => ((await job('acme-greenhouse', '4012347')).body.status === 'archived' ? true : undefined), 'the read model');
    expect((await job('acme-greenhouse', '4012345')).body.status).toBe('active');
    expect((await sync('acme-greenhouse')).body).toMatchObject({ archived: 0, unchanged: 2 });

    board.greenhouse.jobs.push(...dropped);
    expect((await sync('acme-greenhouse')).body).toMatchObject({ created: 0, updated: 1, archived: 0 });
    await eventually(async () => ((await job('acme-greenhouse', '4012347')).body.status === 'active' ? true : undefined), 'the read model');
  });

  it('reads every page of a Lever site; its jobs are its own (the Greenhouse jobs of the same company stay)', async () => {
    const res = await sync('acme-lever');
    expect(res.body).toMatchObject({ source_id: 'acme-lever', fetched: 6, created: 5, skipped: 1, archived: 0 });
    const again = await sync('acme-lever');
    expect(again.body).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: 5 });
    expect((await job('acme-greenhouse', '4012345')).body.status).toBe('active');
  });

  it('syncs a scheduled source at start without being asked', async () => {
    const scheduled = await eventually(async () => {
      const listed = await t.http.get(BASE).set(admin.auth);
      return listed.body.items.find((s: { id: string; last_sync: unknown }) => s.id === 'scheduled-lever' && s.last_sync !== null);
    }, 'the scheduled sync');
    expect(scheduled.last_sync).toMatchObject({ created: 5, skipped: 1 });
    const first = await eventually(async () => {
      const r = await job('scheduled-lever', '5b1c2d3e-0000-4000-8000-000000000001');
      return r.status === 200 ? r : undefined;
    }, 'a scheduled job');
    expect(first.body).toMatchObject({ source: 'api', company: 'Acme Scheduled' });
  });

  it('answers 503 when the board cannot be read, and lists the failure', async () => {
    const res = await sync('gone-board');
    expect(res.status).toBe(503);
    const listed = await t.http.get(BASE).set(admin.auth);
    const gone = listed.body.items.find((s: { id: string }) => s.id === 'gone-board');
    expect(gone.last_sync).toBeNull();
    expect(gone.last_failure.message).toMatch(/404/);
    const recorded = await t.http.get(`/api/v1/admin/streams/${jobSourceStream('gone-board')}/events`).set(admin.auth);
    expect(recorded.body.items.map((e: { type: string }) => e.type)).toEqual(['JobSourceSyncFailed']);
  });
});
