import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { boardJobId } from '../../src/job-sources/board-job-id';
import { startTwoApis, TestApp, TwoApis } from '../support/app';
import { eventually } from '../support/document-flow';
import { JobBoardServer } from '../support/job-board-server';
import { onBackends } from '../support/real-backends';

/**
 * Job boards on EventStoreDB and MongoDB with two api processes: both syncing one board at the
 * same time create each job once, either lists the sync the other ran (from the jobsource
 * stream), and a posting gone from the board is archived through the MongoDB read model.
 */
onBackends(['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URL'], 'job boards on EventStoreDB and MongoDB', ([esdb, url]) =>
  describe('job boards on EventStoreDB and MongoDB', () => {
    const db = `jobwise_boards_${randomUUID().slice(0, 8)}`;
    // Job ids derive from the source id, and an e-mail registers once: fresh ones per run, since the event store is shared.
    const run = randomBytes(4).toString('hex');
    const source_id = `acme-${run}`;
    const admin_email = `boards.${run}@example.com`;
    let board: JobBoardServer;
    let apps: TwoApis | undefined;
    let a: TestApp;
    let b: TestApp;
    let admin: Awaited<ReturnType<TestApp['register']>>;

    beforeAll(async () => {
      board = new JobBoardServer();
      const base_url = await board.start();
      const sources = [{ id: source_id, kind: 'greenhouse', board: 'acmerobotics', company: 'Acme Robotics', base_url, sync_interval_minutes: 0 }];
      apps = await startTwoApis({ EVENTSTORE_CONNECTION_STRING: esdb, MONGODB_URL: url, MONGODB_DB: db, ADMIN_EMAILS: admin_email, JOB_SOURCES: JSON.stringify(sources) });
      ({ a, b } = apps);
      admin = await a.register({ email: admin_email });
    }, 60_000);
    afterAll(async () => {
      await apps?.stop();
      await board?.stop();
      const client = await MongoClient.connect(url);
      await client.db(db).dropDatabase();
      await client.close();
    });

    const sync = (app: TestApp) => app.http.post(`/api/v1/job-search/sources/${source_id}/sync`).set(admin.auth);
    const job = (app: TestApp, external: string) => app.http.get(`/api/v1/jobs/${boardJobId(source_id, external)}`).set(admin.auth);

    it('creates each job once when both processes sync at the same time', async () => {
      const [fromA, fromB] = await Promise.all([sync(a), sync(b)]);
      expect([fromA.status, fromB.status]).toEqual([200, 200]);
      expect(fromA.body.created + fromB.body.created).toBe(3);
      expect(fromA.body.created + fromA.body.unchanged).toBe(3);
      expect(fromB.body.created + fromB.body.unchanged).toBe(3);
      for (const id of ['4012345', '4012346', '4012347']) {
        const found = await eventually(async () => {
          const r = await job(b, id);
          return r.status === 200 ? r : undefined;
        }, `job ${id}`);
        expect(found.body).toMatchObject({ source: 'api', user_id: null, status: 'active', version: 2 });
      }
    });

    it('lists, in either process, the last sync recorded by the other', async () => {
      const ran = await sync(a);
      expect(ran.body).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: 3 });
      const listed = await b.http.get('/api/v1/job-search/sources').set(admin.auth);
      expect(listed.body.items[0].last_sync).toEqual(ran.body);
    });

    it('archives the job of a posting gone from the board', async () => {
      board.greenhouse.jobs.splice(0, 1);
      const res = await sync(b);
      expect(res.body).toMatchObject({ archived: 1, unchanged: 2, created: 0 });
      await eventually(async () => ((await job(a, '4012345')).body.status === 'archived' ? true : undefined), 'the archived job');
    });
  }),
);
