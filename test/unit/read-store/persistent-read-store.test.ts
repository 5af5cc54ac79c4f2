import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventStore } from '../../../src/event-store/port';
import { CheckpointStore } from '../../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { DURABLE_CHECKPOINTS_FILE, PersistentReadStore, SNAPSHOT_FILE } from '../../../src/read-store/persistent';
import { readSnapshotFile, SNAPSHOT_VERSION, SnapshotHeader, writeSnapshotFile } from '../../../src/read-store/persistent/snapshot-file';
import { silentLogger } from '../../../src/shared/logger';
import { events as someEvents } from '../../contract/event-store.support';

/** The embedded read store's snapshot: restored when it can be trusted, never when it cannot. */
const PROJECTIONS = [
  { name: 'people_v1', collection: 'people_v1' },
  { name: 'teams_v1', collection: 'teams_v1' },
];

let dir: string;
let events: EventStore & { close(): Promise<void> };
let head: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-snapshot-'));
  events = await openEmbeddedEventStore(join(dir, 'events'));
  head = (await events.appendToStream(`thing-${randomUUID()}`, someEvents(5), 'no_stream')).position;
});
afterEach(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Which collections the store holds as columns (the suite runs with none, then with people_v1). */
let columnar: (collection: string) => boolean = () => false;

const open = (projections = PROJECTIONS, eventStore: EventStore = events) =>
  PersistentReadStore.open({ createStore: () => new EmbeddedReadStore({ columnar }), dir: join(dir, 'read-models'), events: eventStore, projections, logger: silentLogger(), snapshot_interval_ms: 0 });

/** Two read models at the head of the log, and a collection no projection owns. */
async function written(): Promise<void> {
  const store = await open();
  await store.collection('people_v1').upsert({ _id: 'ada', name: 'Ada', tags: ['x'], _applied: { 'person-1': 3 } });
  await store.collection('teams_v1').upsert({ _id: 'core', members: 2 });
  await store.collection('revoked_access').upsert({ _id: 'token-1', until: 42 });
  const checkpoints = new CheckpointStore(store);
  await checkpoints.save('people_v1', head);
  await checkpoints.save('teams_v1', head);
  await store.close();
}

async function contents(store: PersistentReadStore) {
  return {
    people: await store.collection('people_v1').find(),
    teams: await store.collection('teams_v1').find(),
    revoked: await store.collection('revoked_access').find(),
    checkpoints: { people: await new CheckpointStore(store).load('people_v1'), teams: await new CheckpointStore(store).load('teams_v1') },
  };
}

describe.each([
  ['every collection as documents', () => false],
  ['people_v1 as columns', (collection: string) => collection === 'people_v1'],
])('PersistentReadStore, %s', (_, layout) => {
  beforeEach(() => {
    columnar = layout;
  });

  it('given a clean close, when reopened, then every collection and checkpoint is restored', async () => {
    await written();
    const store = await open();
    expect(store.restored).toMatchObject({ snapshot: 'loaded', documents: 5, projections_restored: ['people_v1', 'teams_v1'] });
    expect(await contents(store)).toEqual({
      people: [{ _id: 'ada', name: 'Ada', tags: ['x'], _applied: { 'person-1': 3 } }],
      teams: [{ _id: 'core', members: 2 }],
      revoked: [{ _id: 'token-1', until: 42 }],
      checkpoints: { people: head, teams: head },
    });
    await store.close();
  });

  it('given no snapshot, then it starts empty and says so', async () => {
    const store = await open();
    expect(store.restored.snapshot).toBe('missing');
    expect(await store.collection('people_v1').count()).toBe(0);
    await store.close();
  });

  it.each([
    ['a changed byte', (path: string) => writeFileSync(path, flipByteInMiddle(readFileSync(path)))],
    ['a cut-off tail', (path: string) => truncateSync(path, readFileSync(path).length - 10)],
    ['another format version', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(`"version":${SNAPSHOT_VERSION}`, '"version":0'))],
  ])('given a snapshot with %s, then nothing of it is used: every read model rebuilds', async (_, damage) => {
    await written();
    damage(join(dir, 'read-models', SNAPSHOT_FILE));
    const store = await open();
    expect(store.restored.snapshot).toBe('unreadable');
    expect(await contents(store)).toEqual({ people: [], teams: [], revoked: [], checkpoints: { people: '', teams: '' } });
    await store.close();
  });

  it('given a projection whose collection changed, then only that one rebuilds (its old documents and checkpoint are dropped)', async () => {
    await written();
    const store = await open([{ name: 'people_v1', collection: 'people_v2' }, PROJECTIONS[1]]);
    expect(store.restored.projections_restored).toEqual(['teams_v1']);
    const restored = await contents(store);
    expect(restored.people).toEqual([]);
    expect(restored.checkpoints).toEqual({ people: '', teams: head });
    expect(restored.teams).toHaveLength(1);
    await store.close();
  });

  it('given the snapshot of another event log, then it is not used', async () => {
    await written();
    const other = await openEmbeddedEventStore(join(dir, 'other-events'));
    await other.appendToStream(`thing-${randomUUID()}`, someEvents(9), 'no_stream');
    const store = await open(PROJECTIONS, other);
    expect(store.restored).toMatchObject({ snapshot: 'unreadable', reason: expect.stringMatching(/another event log/) });
    await store.close();
    await other.close();
  });

  it('given a capped checkpoint, then it is written at once, held at its cap, and restored even without a snapshot', async () => {
    const store = await open();
    const first = (await events.readAll({ max_count: 1 }))[0].position;
    store.capCheckpoint('relay', () => first);
    await new CheckpointStore(store).save('relay', head);
    await waitUntil(() => readFileSync(join(dir, 'read-models', DURABLE_CHECKPOINTS_FILE), 'utf8').includes(first));
    // A crash: no close, no snapshot.
    const reopened = await open();
    expect(reopened.restored.snapshot).toBe('missing');
    expect(await new CheckpointStore(reopened).load('relay')).toBe(first);
    await reopened.close();
  });
});
describe('PersistentReadStore across layouts', () => {
  it('given a snapshot whose columns lack one (the checksum intact), when opened, then nothing of it is used', async () => {
    columnar = (collection) => collection === 'people_v1';
    await written();
    const path = join(dir, 'read-models', SNAPSHOT_FILE);
    let header: SnapshotHeader | null = null;
    const entries: unknown[][] = [];
    await readSnapshotFile(path, (h) => (header = h), (collection, doc) => entries.push([collection, doc]), (entry) => entries.push(entry) > 0);
    const lastColumn = entries.map((entry) => entry[0]).lastIndexOf('$column');
    await writeSnapshotFile(path, header!, (async function* () { yield* entries.filter((_, i) => i !== lastColumn); })());

    const store = await open();
    expect(store.restored.snapshot).toBe('unreadable');
    expect(await store.collection('people_v1').count()).toBe(0);
    await store.close();
  });

  it.each([
    ['columns', 'documents', (collection: string) => collection === 'people_v1', () => false],
    ['documents', 'columns', () => false, (collection: string) => collection === 'people_v1'],
  ])('given a snapshot written with people_v1 as %s, when opened with it held as %s, then every document is restored', async (_, __, before, after) => {
    columnar = before;
    await written();
    columnar = after;
    const store = await open();
    expect(store.restored).toMatchObject({ snapshot: 'loaded', documents: 5 });
    expect(await contents(store)).toMatchObject({ people: [{ _id: 'ada', name: 'Ada', tags: ['x'], _applied: { 'person-1': 3 } }], checkpoints: { people: head } });
    await store.close();
  });
});


function flipByteInMiddle(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const middle = Math.floor(copy.length / 2);
  copy[middle] = copy[middle] === 0x41 ? 0x42 : 0x41;
  return copy;
}

async function waitUntil(condition: () => boolean, timeout_ms = 5_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    try {
      if (condition()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
