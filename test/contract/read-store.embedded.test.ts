import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { Doc } from '../../src/read-store/port';
import { CollectionImage } from '../../src/read-store/column-image';

/** An image's documents, through a store that loads it. */
function imageDocuments(image: CollectionImage): Promise<Doc[]> {
  const store = new EmbeddedReadStore({ columnar: () => true });
  store.loadImage('image', image);
  return store.collection('image').find();
}

describe('embedded read store', () => {
  it('given a filter operator outside the port subset, when used, then it is refused with a clear message', async () => {
    const store = new EmbeddedReadStore();
    const people = store.collection('people');
    await people.upsert({ _id: 'p1', tags: [] });
    await expect(people.find({ tags: { $size: 0 } })).rejects.toThrow('Filter operator $size is outside the read store subset');
    await expect(people.count({ $where: 'true' })).rejects.toThrow('$where');
  });

  it('given a RegExp object under $regex, when used, then it is refused in favour of a string pattern', async () => {
    const people = new EmbeddedReadStore().collection('people');
    await expect(people.find({ name: { $regex: /^a/i } })).rejects.toThrow('$regex takes a string pattern');
  });

  // Not in the contract: mongo-java-server compares UTF-16 units; MongoDB, like this store, code points.
  it('given strings beyond the basic plane, when sorted, then they order by code point as MongoDB does', async () => {
    const values = new EmbeddedReadStore().collection('values');
    await values.upsert({ _id: 'emoji', v: '😀' });
    await values.upsert({ _id: 'fullwidth', v: 'Ａ' });
    await values.upsert({ _id: 'ascii', v: 'z' });
    const sorted = await values.find({}, { sort: { v: 1 } });
    expect(sorted.map((doc) => doc._id)).toEqual(['ascii', 'fullwidth', 'emoji']);
  });

  it('given a unique index, when existing documents already clash, then declaring it is refused', async () => {
    const users = new EmbeddedReadStore().collection('users');
    await users.upsert({ _id: 'u1', email: 'a@example.com' });
    await users.upsert({ _id: 'u2', email: 'a@example.com' });
    await expect(users.ensureIndex({ email: 1 }, { unique: true })).rejects.toThrow('Duplicate key');
  });

  // Not in the contract: mongo-java-server wants one element inside both bounds; MongoDB, like this store, does not.
  it('given a range on an array field, when one element passes each bound, then the document matches, indexed or not', async () => {
    const people = new EmbeddedReadStore().collection('people');
    await people.upsert({ _id: 'both', years: [2, 9] });
    await people.upsert({ _id: 'inside', years: [6] });
    await people.upsert({ _id: 'above', years: [10, 12] });
    const ids = async () => (await people.find({ years: { $gt: 5, $lt: 8 } }, { sort: { _id: 1 } })).map((doc) => doc._id);
    expect(await ids()).toEqual(['both', 'inside']);
    await people.ensureIndex({ years: 1 });
    expect(await ids()).toEqual(['both', 'inside']);
  });

  it('given a count asked before, when documents are written or deleted, then the same count is asked afresh', async () => {
    const jobs = new EmbeddedReadStore().collection('jobs');
    const active = { $and: [{ status: 'active' }, { $or: [{ owner: null }, { owner: 'u1' }] }] };
    await jobs.upsert({ _id: 'j1', status: 'active', owner: 'u1' });
    expect(await jobs.count(active)).toBe(1);
    await jobs.upsert({ _id: 'j2', status: 'active', owner: null });
    expect(await jobs.count(active)).toBe(2);
    await jobs.upsert({ _id: 'j1', status: 'archived', owner: 'u1' });
    expect(await jobs.count(active)).toBe(1);
    await jobs.delete('j2');
    expect(await jobs.count(active)).toBe(0);
    await jobs.upsert({ _id: 'j3', status: 'active', owner: 'u1' });
    expect(await jobs.deleteMany({ owner: 'u1' })).toBe(2);
    expect(await jobs.count(active)).toBe(0);
    expect(await jobs.count({ born: { $lt: new Date('2000-01-01') } })).toBe(0);
  });

  it.each([
    ['documents', () => false],
    ['columns', () => true],
  ])('given a snapshot\'s view of a collection held as %s, when documents are then deleted and written again, then the view still holds each document once, as it was', async (_, columnar) => {
    const store = new EmbeddedReadStore({ columnar });
    const things = store.collection('things');
    for (const id of ['a', 'b', 'c']) await things.upsert({ _id: id, v: 1 });
    const view = store.contents('things');
    await things.delete('a');
    await things.upsert({ _id: 'a', v: 2 });
    await things.upsert({ _id: 'd', v: 1 });

    const docs = Symbol.iterator in view ? [...view] : await imageDocuments(view);
    expect(docs).toEqual([{ _id: 'a', v: 1 }, { _id: 'b', v: 1 }, { _id: 'c', v: 1 }]);
  });

  it('given matches the caller will rank itself, when found unordered, then they are the same documents as in the natural order; with a limit the order is kept', async () => {
    const jobs = new EmbeddedReadStore().collection<Doc & { terms: string[] }>('jobs');
    await jobs.ensureIndex({ terms: 1 });
    for (let i = 0; i < 200; i++) await jobs.upsert({ _id: `j${i}`, terms: [`t${i % 5}`, `u${i % 3}`] });
    await jobs.upsert({ _id: 'j7', terms: ['t1'] });
    const filter = { terms: { $in: ['t1', 'u2'] } };
    const ordered = await jobs.find(filter);

    const unordered = await jobs.find(filter, { unordered: true });
    expect(unordered.map((doc) => doc._id).sort()).toEqual(ordered.map((doc) => doc._id).sort());
    expect(await jobs.find(filter, { unordered: true, limit: 5 })).toEqual(ordered.slice(0, 5));
  });

  it('given a few thousand documents, when read by id, filtered, sorted and paged, then the answers are right at that size', async () => {
    const jobs = new EmbeddedReadStore().collection<Doc & { owner: string; score: number; posted_at: string; tags: string[] }>('jobs');
    for (let i = 0; i < 5000; i++) {
      await jobs.upsert({ _id: `job-${i}`, owner: `user-${i % 50}`, score: i % 97, posted_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), tags: ['ts', `t${i % 7}`] });
    }
    for (let i = 0; i < 1000; i++) await jobs.get(`job-${i}`);
    const page = await jobs.find({ owner: 'user-7', tags: 't3' }, { sort: { score: -1, posted_at: 1 }, skip: 2, limit: 10 });
    const everything = await jobs.find({}, { sort: { score: 1, posted_at: -1 }, limit: 20 });
    const total = await jobs.count({ score: { $gte: 50 } });

    expect(page).toHaveLength(10);
    expect(everything[0]).toMatchObject({ score: 0 });
    expect(total).toBe(Array.from({ length: 5000 }, (_, i) => i % 97).filter((score) => score >= 50).length);
  });
});
