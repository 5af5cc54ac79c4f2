import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Projection } from '../../../contracts/shared/projection';
import { ProjectedDoc } from '../../../contracts/shared/read-model';
import { EmbeddedEventStore, openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventSerializer } from '../../../src/event-store/serializer';
import { NOT_PICKED_UP, ProjectionRebuilds, RebuildRefused, RebuildStatus } from '../../../src/projector/projection-rebuild';
import { ProjectionRunner } from '../../../src/projector/projection-runner';
import { CheckpointStore } from '../../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Doc } from '../../../src/read-store/port';
import { silentLogger } from '../../../src/shared/logger';
import { events as someEvents } from '../../contract/event-store.support';

/** A projection rebuild (ADR 0012) on the real embedded stores, with a projection of its own: events counted per stream. */
type Counted = Doc & { owner: string; count: number; last: number };
const counting = {
  name: 'counts_v1',
  collection: 'counts_v1',
  handles: ['ThingHappened'],
  owner: 'owner',
  indexes: [{ fields: { owner: 1 } }],
  documentId: (event: { stream_id: string }) => event.stream_id,
  evolve: (current: { count: number } | null, event: { data: { n: number } }) => ({ owner: 'someone', count: (current?.count ?? 0) + 1, last: event.data.n }),
} as unknown as Projection<ProjectedDoc>;
/** The events of this test are not JobWise's: they are handed over as stored. */
const asStored = { deserialize: async (recorded: unknown) => recorded } as unknown as EventSerializer;

let dir: string;
let events: EmbeddedEventStore;
let readStore: EmbeddedReadStore;
let live: ProjectionRunner;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-rebuild-'));
  events = await openEmbeddedEventStore(join(dir, 'events'));
  readStore = new EmbeddedReadStore();
  for (let i = 0; i < 20; i++) await events.appendToStream(`thing-${i % 4}`, someEvents(25), 'any');
  live = new ProjectionRunner(counting, events, readStore, silentLogger(), asStored);
  await live.start();
  await live.waitFor(await events.headPosition(), 10_000);
});
afterEach(async () => {
  await live.stop();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

const rebuilds = (overrides: Partial<ConstructorParameters<typeof ProjectionRebuilds>[0]> = {}) =>
  new ProjectionRebuilds({ events, readStore, logger: silentLogger(), serializer: asStored, projections: [counting], runners: [live], without_runner: 'refuse', poll_ms: 5, ...overrides });

const contents = async () => (await readStore.collection<Counted>('counts_v1').find({}, { sort: { _id: 1 } })).map(({ _id, count, last }) => ({ _id, count, last }));

describe('projection rebuilds', () => {
  it('given appends going on, when a projection is rebuilt, then the switched collection equals a fold of the whole log and the live runner goes on from it', async () => {
    await readStore.collection('counts_v1').upsert({ _id: 'stray', owner: 'x', count: 0, last: 0, _applied: {} });
    const subject = rebuilds();
    let appending = true;
    const appends = (async () => {
      for (let i = 0; appending; i++) {
        await events.appendToStream(`thing-${i % 5}`, someEvents(1), 'any');
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const started = await subject.start('counts_v1', 'admin-1');
    expect(started).toMatchObject({ phase: 'rebuilding', building: 'counts_v1__rebuild', requested_by: 'admin-1' });
    const finished = await subject.wait('counts_v1');
    appending = false;
    await appends;
    expect(finished).toMatchObject({ phase: 'completed', percent: 100, error: null });
    expect(finished!.switch_ms).toEqual(expect.any(Number));

    await events.appendToStream('thing-after', someEvents(2), 'any');
    const head = await events.headPosition();
    await live.waitFor(head, 10_000);
    const all = await events.readAll({ max_count: 100_000 });
    const expected = new Map<string, { _id: string; count: number; last: number }>();
    for (const event of all) {
      const data = event.data as { n: number };
      expected.set(event.stream_id, { _id: event.stream_id, count: (expected.get(event.stream_id)?.count ?? 0) + 1, last: data.n });
    }
    expect(await contents()).toEqual([...expected.values()].sort((a, b) => a._id.localeCompare(b._id)));
    expect(readStore.collectionNames()).not.toContain('counts_v1__rebuild');
    expect(await new CheckpointStore(readStore).load('counts_v1')).toBe(head);
    expect(await new CheckpointStore(readStore).load('counts_v1__rebuild')).toBe('');
    expect(live.snapshot()).toMatchObject({ state: 'live', checkpoint: head });
    expect(await subject.status('counts_v1')).toMatchObject({ phase: 'completed', rebuild_id: started.rebuild_id });
    expect(await subject.wait('counts_v1')).toMatchObject({ phase: 'completed', rebuild_id: started.rebuild_id });
  });

  it('given a rebuild running, when another is asked for the same projection, then it is refused', async () => {
    const subject = rebuilds();
    const [first, second] = await Promise.allSettled([subject.start('counts_v1'), subject.start('counts_v1')]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ reason: 'running' }) });
    await subject.wait('counts_v1');
    // A switch replaces the documents without an event: readers keeping a copy see the change marker move.
    const marker = await new CheckpointStore(readStore).changedAt('counts_v1');
    await expect(subject.start('counts_v1')).resolves.toMatchObject({ phase: 'rebuilding' });
    await subject.wait('counts_v1');
    expect(await new CheckpointStore(readStore).changedAt('counts_v1')).not.toBe(marker);
  });

  it('given an unknown projection, or one this process does not run, when asked, then it is refused', async () => {
    await expect(rebuilds().start('nothing_v1')).rejects.toMatchObject({ reason: 'unknown' });
    await expect(rebuilds({ runners: [] }).start('counts_v1')).rejects.toBeInstanceOf(RebuildRefused);
    await expect(rebuilds({ runners: [] }).start('counts_v1')).rejects.toMatchObject({ reason: 'elsewhere' });
  });

  it('given no live runner anywhere (the CLI), when rebuilt offline, then it switches and moves the checkpoint', async () => {
    await live.stop();
    await readStore.collection('counts_v1').upsert({ _id: 'stray', owner: 'x', count: 0, last: 0, _applied: {} });
    const subject = rebuilds({ runners: [], without_runner: 'offline' });
    await subject.start('counts_v1');
    expect(await subject.wait('counts_v1')).toMatchObject({ phase: 'completed' });
    expect((await contents()).map((doc) => doc._id)).toEqual(['thing-0', 'thing-1', 'thing-2', 'thing-3']);
    expect(await new CheckpointStore(readStore).load('counts_v1')).toBe(await events.headPosition());
  });

  it('given a rebuild running, when the process stops, then it fails, its collection is dropped and the live collection stays', async () => {
    const before = await contents();
    const slow = rebuilds({ poll_ms: 1_000 });
    await slow.start('counts_v1');
    await slow.stop();
    expect(await slow.status('counts_v1')).toMatchObject({ phase: 'failed', error: 'stopped before the switch' });
    expect(readStore.collectionNames()).not.toContain('counts_v1__rebuild');
    expect(await contents()).toEqual(before);
    expect(live.snapshot().state).not.toBe('stopped');
  });
});

describe('projection rebuilds requested through a process that does not run the projection', () => {
  /** The api process of the split topology: no runner here, so a request is stored. */
  const apiSide = (overrides: Partial<ConstructorParameters<typeof ProjectionRebuilds>[0]> = {}) => rebuilds({ runners: [], without_runner: 'request', ...overrides });

  async function until(check: () => Promise<boolean>): Promise<void> {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  it('given an api-side request, when a projector-side process picks it up, then it rebuilds, switches and every process sees it completed', async () => {
    await readStore.collection('counts_v1').upsert({ _id: 'stray', owner: 'x', count: 0, last: 0, _applied: {} });
    const api = apiSide();
    const requested = await api.start('counts_v1', 'admin-1');
    expect(requested).toMatchObject({ phase: 'requested', requested_by: 'admin-1', requested_at: expect.any(String), building: 'counts_v1__rebuild', error: null });
    expect(await api.status('counts_v1')).toMatchObject({ phase: 'requested', rebuild_id: requested.rebuild_id });
    await expect(api.start('counts_v1', 'admin-2')).rejects.toMatchObject({ reason: 'running' });
    expect(readStore.collectionNames()).not.toContain('counts_v1__rebuild');

    const projector = rebuilds();
    const picked = await projector.pickUpRequests();
    expect(picked).toEqual([expect.objectContaining({ phase: 'rebuilding', requested_by: 'admin-1', requested_at: requested.requested_at })]);
    expect(await projector.wait('counts_v1')).toMatchObject({ phase: 'completed', percent: 100, error: null, requested_by: 'admin-1' });
    expect(await api.status('counts_v1')).toMatchObject({ phase: 'completed', rebuild_id: picked[0].rebuild_id, requested_by: 'admin-1' });
    expect((await contents()).map((doc) => doc._id)).toEqual(['thing-0', 'thing-1', 'thing-2', 'thing-3']);
    expect(await projector.pickUpRequests()).toEqual([]);
  });

  it('given a projector process watching for requests, when one is requested, then it is started in the background and the watch stops with the process', async () => {
    const projector = rebuilds();
    projector.watchRequests(5);
    const api = apiSide();
    await api.start('counts_v1', 'admin-1');
    await until(async () => (await api.status('counts_v1'))?.phase === 'completed');
    expect(await api.status('counts_v1')).toMatchObject({ phase: 'completed', requested_by: 'admin-1', error: null });
    await projector.stop();
    await api.start('counts_v1', 'admin-1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await api.status('counts_v1')).toMatchObject({ phase: 'requested' });
  });

  it('given a request no projector process picked up in time, when read, then it shows as failed, is not started late, and a new one can be requested', async () => {
    const api = apiSide({ request_timeout_ms: 0 });
    const requested = await api.start('counts_v1', 'admin-1');
    const shown = (await api.status('counts_v1')) as RebuildStatus;
    expect(shown).toMatchObject({ phase: 'failed', error: NOT_PICKED_UP, rebuild_id: requested.rebuild_id, finished_at: expect.any(String) });
    expect(await rebuilds({ request_timeout_ms: 0 }).pickUpRequests()).toEqual([]);
    await expect(api.start('counts_v1', 'admin-1')).resolves.toMatchObject({ phase: 'requested' });
  });

  it('given an unknown projection, when requested, then it is refused and nothing is stored', async () => {
    await expect(apiSide().start('nothing_v1')).rejects.toMatchObject({ reason: 'unknown' });
    expect(await apiSide().status('nothing_v1')).toBeNull();
  });
});
