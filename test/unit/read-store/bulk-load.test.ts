import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { PersistentReadStore } from '../../../src/read-store/persistent';
import { Collection, Doc, Filter, Sort } from '../../../src/read-store/port';
import { silentLogger } from '../../../src/shared/logger';
import { events as someEvents } from '../../contract/event-store.support';

type Job = Doc & { user_id: string; status: string; rank: number; title: string; tags: string[]; shares: { token: string }[] };

const INDEXES: Sort[] = [{ user_id: 1, status: 1 }, { status: 1 }, { rank: -1 }, { title: 1 }, { tags: 1 }, { 'shares.token': 1 }];

/** Out of `_id` order, so that insertion order and id order differ. */
function jobs(): Job[] {
  return Array.from({ length: 60 }, (_, i) => ({
    _id: `job-${String((i * 37) % 60).padStart(2, '0')}`,
    user_id: `user-${i % 4}`,
    status: ['open', 'applied', 'closed'][i % 3]!,
    rank: (i * 7) % 25,
    title: `title ${String.fromCharCode(97 + (i % 26))}`,
    tags: i % 5 === 0 ? [] : [`t${i % 3}`, `t${(i + 1) % 6}`],
    shares: i % 4 === 0 ? [{ token: `tok-${i}` }, { token: 'shared' }] : [],
  }));
}

/** Filters on indexed fields: equality, $in, ranges (numbers and strings), multikey and paths through arrays. */
const FILTERS: Filter[] = [
  { user_id: 'user-1' },
  { user_id: 'user-2', status: 'open' },
  { status: { $in: ['open', 'closed'] } },
  { rank: { $gte: 5, $lt: 12 } },
  { rank: { $gt: 20 } },
  { title: { $gte: 'title c', $lte: 'title h' } },
  { tags: 't1' },
  { tags: { $in: ['t0', 't5'] } },
  { tags: { $gte: 't2', $lt: 't4' } },
  { 'shares.token': 'shared' },
  { 'shares.token': { $in: ['tok-8', 'tok-12'] } },
  { user_id: 'nobody' },
];

/** The same documents through upserts into an unindexed collection: what a scan answers. */
async function scanned(docs: Job[]): Promise<Collection<Job>> {
  const reference = new EmbeddedReadStore().collection<Job>('jobs');
  for (const doc of docs) await reference.upsert(doc);
  return reference;
}

async function expectSameAnswers(loaded: Collection<Job>, reference: Collection<Job>): Promise<void> {
  for (const filter of FILTERS) {
    const found = await loaded.find(filter);
    expect({ filter, ids: found.map((doc) => doc._id) }).toEqual({ filter, ids: (await reference.find(filter)).map((doc) => doc._id) });
    expect(await loaded.count(filter)).toBe(found.length);
  }
  expect(await loaded.find({}, { sort: { rank: -1, _id: 1 }, limit: 7 })).toEqual(await reference.find({}, { sort: { rank: -1, _id: 1 }, limit: 7 }));
}

/** A snapshot restore's bulk load: documents taken without copies, indexes built once after the load. */
describe('embedded read store: bulk load of a snapshot (loadDocuments)', () => {
  it.each([
    ['declared after the load (as projections declare them at start)', false],
    ['declared before the load', true],
  ])('given indexes %s, when documents are bulk-loaded, then indexed finds answer as a scan does, in insertion order', async (_, before) => {
    const store = new EmbeddedReadStore();
    const loaded = store.collection<Job>('jobs');
    if (before) for (const fields of INDEXES) await loaded.ensureIndex(fields);

    store.loadDocuments('jobs', jobs());
    if (!before) for (const fields of INDEXES) await loaded.ensureIndex(fields);

    expect((await loaded.find()).map((doc) => doc._id)).toEqual(jobs().map((doc) => doc._id));
    expect(store.collectionNames()).toEqual(['jobs']);
    await expectSameAnswers(loaded, await scanned(jobs()));
  });

  it('given a bulk-loaded collection, when documents are upserted, changed and deleted, then its indexes follow and new documents come last', async () => {
    const store = new EmbeddedReadStore();
    const loaded = store.collection<Job>('jobs');
    store.loadDocuments('jobs', jobs());
    for (const fields of INDEXES) await loaded.ensureIndex(fields);
    const reference = await scanned(jobs());
    await expect(loaded.count({ tags: 't1' })).resolves.toBeGreaterThan(0); // a cached count, which writes must forget

    for (const collection of [loaded, reference]) {
      const first = (await collection.get('job-00'))!;
      await collection.upsert({ ...first, user_id: 'user-9', status: 'closed', rank: 100, tags: ['t1', 'new'], shares: [{ token: 'moved' }] });
      await collection.delete('job-37');
      await collection.deleteMany({ status: 'applied', user_id: 'user-1' });
      await collection.upsert({ _id: 'job-aa', user_id: 'user-1', status: 'open', rank: 3, title: 'title z', tags: ['t1'], shares: [{ token: 'shared' }] });
    }

    await expectSameAnswers(loaded, reference);
    expect(await loaded.find({ user_id: 'user-9' })).toEqual([expect.objectContaining({ _id: 'job-00', rank: 100 })]);
    expect(await loaded.find({ tags: 'new' })).toHaveLength(1);
    expect(await loaded.find({ 'shares.token': 'tok-0' })).toEqual([]);
    expect(await loaded.get('job-37')).toBeNull();
    const ids = (await loaded.find()).map((doc) => doc._id);
    expect(ids.at(-1)).toBe('job-aa');
    expect(ids).toEqual((await reference.find()).map((doc) => doc._id));
  });

  it('given a bulk-loaded collection, when a document is read and the copy changed, then the stored one is not', async () => {
    const store = new EmbeddedReadStore();
    const docs = jobs();
    store.loadDocuments('jobs', docs);
    const loaded = store.collection<Job>('jobs');
    const read = (await loaded.get(docs[1]!._id))!;
    read.tags.push('changed');
    const [readOnly] = await loaded.find({ _id: docs[1]!._id }, { fields: ['tags'], readOnly: true });
    expect(readOnly!.tags).toEqual(jobs()[1]!.tags);
    expect(Object.isFrozen(readOnly!.tags)).toBe(true);
    expect(await loaded.get(docs[1]!._id)).toEqual(jobs()[1]);
  });

  it('given a collection that holds documents, or a load repeating an _id or breaking a unique index, when bulk-loaded, then it refuses (leaving a refused load empty)', async () => {
    const store = new EmbeddedReadStore();
    await store.collection<Job>('held').upsert(jobs()[0]!);
    expect(() => store.loadDocuments('held', jobs().slice(1))).toThrow(/not empty/);
    expect(await store.collection('held').count()).toBe(1);

    expect(() => store.loadDocuments('twice', [...jobs(), jobs()[3]!])).toThrow(/repeats/);
    expect(await store.collection('twice').count()).toBe(0);

    const unique = store.collection<Job>('unique');
    await unique.ensureIndex({ title: 1 }, { unique: true });
    await unique.ensureIndex({ tags: 1 });
    expect(() => store.loadDocuments('unique', jobs())).toThrow();
    expect(await unique.find()).toEqual([]);
    expect(await unique.find({ tags: 't1' })).toEqual([]);
    store.loadDocuments('unique', jobs().slice(0, 20));
    expect(await unique.find({ tags: 't1' })).toEqual(await (await scanned(jobs().slice(0, 20))).find({ tags: 't1' }));
  });

  it('given a snapshot, when the persistent store opens, then collections come back in order and answer indexed finds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobwise-bulk-load-'));
    const events = await openEmbeddedEventStore(join(dir, 'events'));
    try {
      await events.appendToStream('thing-1', someEvents(2), 'no_stream');
      const open = () => PersistentReadStore.open({ createStore: () => new EmbeddedReadStore(), dir: join(dir, 'read-models'), events, projections: [{ name: 'jobs_v1', collection: 'jobs_v1' }], logger: silentLogger(), snapshot_interval_ms: 0 });
      const first = await open();
      for (const doc of jobs()) await first.collection<Job>('jobs_v1').upsert(doc);
      await first.close();

      const reopened = await open();
      expect(reopened.restored).toMatchObject({ snapshot: 'loaded', documents: jobs().length });
      const loaded = reopened.collection<Job>('jobs_v1');
      for (const fields of INDEXES) await loaded.ensureIndex(fields);
      expect(await loaded.find()).toEqual(jobs());
      await expectSameAnswers(loaded, await scanned(jobs()));
      await reopened.close();
    } finally {
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
