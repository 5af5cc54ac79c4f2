import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobSourceConfig } from '../../../contracts/job-sources/source';
import { boardJobs } from '../../../src/composition/job-sources';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { BoardHttp } from '../../../src/job-sources/board-http';
import { boardOf } from '../../../src/job-sources/job-sources';
import { syncBoard } from '../../../src/job-sources/sync';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { ManualClock } from '../../../src/shared/clock';
import { CommandHandler } from '../../../src/shared/command-handler';
import { JobBoardServer } from '../../support/job-board-server';

/**
 * Two processes (two command handlers over one event store) syncing the same board at the same
 * time create every job once: job ids derive from the source and the posting, and the second
 * writer's append meets the first one's job.
 */
let dir: string;
let store: EventStore;
let server: JobBoardServer;
let source: JobSourceConfig;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-boards-'));
  store = await openEmbeddedEventStore(dir);
  server = new JobBoardServer();
  const base_url = await server.start();
  source = { id: 'acme-lever', kind: 'lever', board: 'acme', company: 'Acme Robotics', base_url, sync_interval_minutes: 0, timeout_ms: 5_000 };
});
afterEach(async () => {
  await server.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('creates each job once when two processes sync the same board concurrently', async () => {
  const clock = new ManualClock('2026-11-30T08:00:00Z');
  const readStore = new EmbeddedReadStore();
  const processes = [new CommandHandler(store), new CommandHandler(store)].map((commands) => ({
    board: boardOf(source, new BoardHttp({ timeout_ms: 5_000, clock })),
    jobs: boardJobs(commands, readStore, clock),
  }));
  const results = await Promise.all(processes.map(({ board, jobs }) => syncBoard(source, board, jobs, () => clock.now())));
  const created = (await store.readAll()).filter((e) => e.type === 'JobCreated');
  expect(created).toHaveLength(5);
  expect(results[0].created + results[1].created).toBe(5);
  expect(results.map((r) => r.created + r.unchanged + r.updated)).toEqual([5, 5]);
});
