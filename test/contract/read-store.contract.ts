import { randomUUID } from 'node:crypto';
import { Collection, Doc, DuplicateKeyError, ReadStore, Sort } from '../../src/read-store/port';
import { describeRenameContract } from './read-store-rename.contract';

/** The behaviour every ReadStore adapter must show. Each scenario uses its own collection. */
export type ReadStoreFactory = () => Promise<ReadStore>;

export interface ReadStoreContractOptions {
  /** Releases the store after the suite; defaults to `close()`. */
  dispose?: (store: ReadStore) => Promise<void>;
  test_timeout_ms?: number;
  /** Whether renameCollection replaces its target in one step (default true; see describeRenameContract). */
  renames_atomically?: () => Promise<boolean>;
}

type Person = Doc & {
  name: string;
  age?: number | null;
  born?: string;
  address?: { city: string; zip?: string };
  tags?: string[];
  jobs?: Array<{ title: string; years: number }>;
};

const PEOPLE: Person[] = [
  { _id: 'p1', name: 'Ada', age: 36, born: '1815-12-10T00:00:00.000Z', address: { city: 'London', zip: 'N1' }, tags: ['math', 'engines'], jobs: [{ title: 'analyst', years: 10 }] },
  { _id: 'p2', name: 'alan', age: 41, born: '1912-06-23T00:00:00.000Z', address: { city: 'London' }, tags: ['math', 'crypto'], jobs: [{ title: 'cryptanalyst', years: 6 }, { title: 'professor', years: 3 }] },
  { _id: 'p3', name: 'Grace', age: 85, born: '1906-12-09T00:00:00.000Z', address: { city: 'New York' }, tags: ['compilers'], jobs: [{ title: 'admiral', years: 43 }] },
  { _id: 'p4', name: 'Linus', age: null, born: '1969-12-28T00:00:00.000Z', address: { city: 'Portland' }, tags: [] },
  { _id: 'p5', name: 'Margaret', born: '1936-08-17T00:00:00.000Z' },
];

export function describeReadStoreContract(name: string, factory: ReadStoreFactory, options: ReadStoreContractOptions = {}): void {
  const timeout = options.test_timeout_ms ?? 10_000;

  describe(`${name} read store contract`, () => {
    let store: ReadStore;

    beforeAll(async () => {
      store = await factory();
    }, timeout);
    afterAll(async () => {
      if (store) await (options.dispose ?? ((s) => s.close()))(store);
    }, timeout);

    const scenario = (title: string, body: () => Promise<void>) => it(title, body, timeout);
    const given = async <T extends Doc>(docs: T[]): Promise<Collection<T>> => {
      const collection = store.collection<T>(unique('c'));
      for (const doc of docs) await collection.upsert(doc);
      return collection;
    };
    const ids = (docs: Doc[]) => docs.map((doc) => doc._id);
    const idsMatching = async (people: Collection<Person>, filter: Record<string, unknown>) => ids(await people.find(filter, { sort: { _id: 1 } }));

    scenario('given a reachable store, when pinged, then it answers', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describeRenameContract(() => store, scenario, options.renames_atomically ?? (async () => true));

    describe('documents', () => {
      scenario('given an empty collection, when a missing id is read, then the answer is null', async () => {
        const people = await given<Person>([]);
        expect(await people.get('nobody')).toBeNull();
      });

      scenario('given no document, when one is upserted, then it reads back whole', async () => {
        const people = await given<Person>([]);
        await people.upsert(PEOPLE[0]!);
        expect(await people.get('p1')).toEqual(PEOPLE[0]);
      });

      scenario('given a document, when it is upserted again, then the whole document is replaced', async () => {
        const people = await given([PEOPLE[0]!]);
        await people.upsert({ _id: 'p1', name: 'Ada Lovelace', age: 37 });
        expect(await people.get('p1')).toEqual({ _id: 'p1', name: 'Ada Lovelace', age: 37 });
        expect(await people.count()).toBe(1);
      });

      scenario('given a document, when it is deleted, then it is gone and deleting it again is fine', async () => {
        const people = await given(PEOPLE);
        await people.delete('p2');
        await people.delete('p2');
        await people.delete('never-there');
        expect(await people.get('p2')).toBeNull();
        expect(await people.count()).toBe(PEOPLE.length - 1);
      });

      scenario('given documents, when some are deleted by filter, then only those go and their number is told', async () => {
        const people = await given(PEOPLE);
        expect(await people.deleteMany({ 'address.city': 'London' })).toBe(2);
        expect(ids(await people.find({}, { sort: { _id: 1 } }))).toEqual(['p3', 'p4', 'p5']);
        expect(await people.deleteMany()).toBe(3);
        expect(await people.count()).toBe(0);
      });

      scenario('given a stored document, when the caller mutates what it wrote or read, then the store is unchanged', async () => {
        const written: Person = structuredClone(PEOPLE[1]!);
        const people = await given([written]);
        written.name = 'changed';
        written.tags!.push('changed');
        const read = (await people.get('p2'))!;
        read.address!.city = 'changed';
        const [found] = await people.find({ _id: 'p2' });
        found!.jobs!.pop();
        expect(await people.get('p2')).toEqual(PEOPLE[1]);
      });

      scenario('given a document replaced by a version built from what was read, when the caller then mutates both, then each read gives the version as written', async () => {
        const people = await given([structuredClone(PEOPLE[1]!)]);
        const read = (await people.get('p2'))!;
        const next: Person = { ...read, name: 'Alan', jobs: [...read.jobs!, { title: 'runner', years: 1 }] };
        await people.upsert(next);
        read.jobs![0]!.title = 'changed';
        read.address!.city = 'changed';
        next.jobs![1]!.years = 99;
        next.jobs!.push({ title: 'changed', years: 0 });
        next.tags!.length = 0;
        const expected = { ...PEOPLE[1]!, name: 'Alan', jobs: [...PEOPLE[1]!.jobs!, { title: 'runner', years: 1 }] };
        const first = (await people.get('p2'))!;
        expect(first).toEqual(expected);
        first.jobs![0]!.years = -1;
        first.tags!.push('changed');
        const [found] = await people.find({ _id: 'p2' });
        found!.address!.city = 'changed';
        expect(await people.get('p2')).toEqual(expected);
        await people.upsert({ ...expected, jobs: [{ title: 'cryptanalyst', years: 7 }, ...expected.jobs!.slice(1)] });
        expect((await people.get('p2'))!.jobs).toEqual([{ title: 'cryptanalyst', years: 7 }, ...expected.jobs!.slice(1)]);
        expect(await people.find({ 'jobs.years': 6 })).toEqual([]);
      });

      scenario('given unicode text, when stored and read, then it round-trips exactly', async () => {
        const text = 'Zoë Ω 日本語 👩🏽‍💻 e\u0301 \u{10FFFF} "quotes" \\ back\nline';
        const notes = await given([{ _id: 'ünï-😀', text, 'clé': 'valeur' }]);
        expect(await notes.get('ünï-😀')).toEqual({ _id: 'ünï-😀', text, 'clé': 'valeur' });
        expect(ids(await notes.find({ text }))).toEqual(['ünï-😀']);
      });

      scenario('given two collections, when one is written, then the other does not see it', async () => {
        const first = await given([{ _id: 'same', side: 'first' }]);
        const second = await given([{ _id: 'same', side: 'second' }]);
        await first.delete('same');
        expect(await first.get('same')).toBeNull();
        expect(await second.get('same')).toEqual({ _id: 'same', side: 'second' });
        expect(await second.count()).toBe(1);
      });
    });

    describe('filters', () => {
      let people: Collection<Person>;
      beforeAll(async () => {
        people = await given(PEOPLE);
      }, timeout);

      scenario('given people, when filtered by equality on a nested field, then the matches come back', async () => {
        expect(await idsMatching(people, { 'address.city': 'London' })).toEqual(['p1', 'p2']);
        expect(await idsMatching(people, { 'address.city': 'London', 'address.zip': 'N1' })).toEqual(['p1']);
        expect(await idsMatching(people, { 'address.city': { $eq: 'Portland' } })).toEqual(['p4']);
        expect(await idsMatching(people, { address: { city: 'New York' } })).toEqual(['p3']);
        expect(await idsMatching(people, { address: { city: 'London' } })).toEqual(['p2']);
      });

      scenario('given people, when filtered with $in, $nin and $ne, then missing fields count as not equal', async () => {
        expect(await idsMatching(people, { name: { $in: ['Ada', 'Grace', 'nobody'] } })).toEqual(['p1', 'p3']);
        expect(await idsMatching(people, { 'address.city': { $nin: ['London', 'Portland'] } })).toEqual(['p3', 'p5']);
        expect(await idsMatching(people, { 'address.city': { $ne: 'London' } })).toEqual(['p3', 'p4', 'p5']);
      });

      scenario('given people, when filtered by null, then null and missing values both match', async () => {
        expect(await idsMatching(people, { age: null })).toEqual(['p4', 'p5']);
        expect(await idsMatching(people, { age: { $ne: null } })).toEqual(['p1', 'p2', 'p3']);
      });

      scenario('given people, when filtered by number ranges, then bounds are honoured', async () => {
        expect(await idsMatching(people, { age: { $gt: 36 } })).toEqual(['p2', 'p3']);
        expect(await idsMatching(people, { age: { $gte: 36 } })).toEqual(['p1', 'p2', 'p3']);
        expect(await idsMatching(people, { age: { $lt: 41 } })).toEqual(['p1']);
        expect(await idsMatching(people, { age: { $gte: 36, $lte: 41 } })).toEqual(['p1', 'p2']);
      });

      scenario('given people, when filtered by ISO date string ranges, then they compare chronologically', async () => {
        expect(await idsMatching(people, { born: { $gte: '1900-01-01T00:00:00.000Z', $lt: '1950-01-01T00:00:00.000Z' } })).toEqual(['p2', 'p3', 'p5']);
        expect(await idsMatching(people, { born: { $gt: '1969-12-28T00:00:00.000Z' } })).toEqual([]);
        expect(await idsMatching(people, { born: { $lte: '1815-12-10T00:00:00.000Z' } })).toEqual(['p1']);
      });

      scenario('given people, when filtered by $exists, then presence decides (a null value is present)', async () => {
        expect(await idsMatching(people, { age: { $exists: true } })).toEqual(['p1', 'p2', 'p3', 'p4']);
        expect(await idsMatching(people, { age: { $exists: false } })).toEqual(['p5']);
        expect(await idsMatching(people, { 'address.zip': { $exists: true } })).toEqual(['p1']);
      });

      scenario('given people, when filtered by $regex, then case-insensitive matching works with options', async () => {
        expect(await idsMatching(people, { name: { $regex: '^a' } })).toEqual(['p2']);
        expect(await idsMatching(people, { name: { $regex: '^a', $options: 'i' } })).toEqual(['p1', 'p2']);
        expect(await idsMatching(people, { 'address.city': { $regex: 'york$', $options: 'i' } })).toEqual(['p3']);
      });

      scenario('given people, when filters are combined with $and and $or, then both compose', async () => {
        expect(await idsMatching(people, { $or: [{ 'address.city': 'New York' }, { age: { $lt: 40 } }] })).toEqual(['p1', 'p3']);
        expect(await idsMatching(people, { $and: [{ 'address.city': 'London' }, { age: { $gt: 40 } }] })).toEqual(['p2']);
        expect(await idsMatching(people, { $and: [{ $or: [{ name: 'Ada' }, { name: 'Grace' }] }, { age: { $gt: 40 } }] })).toEqual(['p3']);
      });

      scenario('given people with tag arrays, when filtered by element equality and $all, then arrays match by element', async () => {
        expect(await idsMatching(people, { tags: 'math' })).toEqual(['p1', 'p2']);
        expect(await idsMatching(people, { tags: { $all: ['math', 'crypto'] } })).toEqual(['p2']);
        expect(await idsMatching(people, { tags: { $in: ['compilers', 'engines'] } })).toEqual(['p1', 'p3']);
        expect(await idsMatching(people, { tags: { $nin: ['math'] } })).toEqual(['p3', 'p4', 'p5']);
        expect(await idsMatching(people, { tags: [] })).toEqual(['p4']);
      });

      scenario('given people with job arrays, when filtered with $elemMatch, then one element must satisfy every condition', async () => {
        expect(await idsMatching(people, { jobs: { $elemMatch: { title: 'professor', years: { $gte: 3 } } } })).toEqual(['p2']);
        expect(await idsMatching(people, { jobs: { $elemMatch: { title: 'cryptanalyst', years: { $lt: 5 } } } })).toEqual([]);
        expect(await idsMatching(people, { 'jobs.title': 'admiral' })).toEqual(['p3']);
        expect(await idsMatching(people, { tags: { $elemMatch: { $regex: '^cry' } } })).toEqual(['p2']);
      });

      scenario('given people, when filtered by plain equality on several fields, then types must match and every field must hold', async () => {
        expect(await idsMatching(people, { age: 36 })).toEqual(['p1']);
        expect(await idsMatching(people, { age: '36' })).toEqual([]);
        expect(await idsMatching(people, { name: 'alan', age: 41 })).toEqual(['p2']);
        expect(await idsMatching(people, { name: 'alan', age: 36 })).toEqual([]);
        expect(await idsMatching(people, { _id: { $in: ['p3', 'p1', 'nobody'] }, tags: { $in: ['compilers', 'nothing'] } })).toEqual(['p3']);
        expect(await idsMatching(people, { tags: { $eq: 'crypto' }, name: { $in: ['alan', 'Ada'] } })).toEqual(['p2']);
        expect(await idsMatching(people, { age: { $in: [85, null] } })).toEqual(['p3', 'p4', 'p5']);
      });

      scenario('given people, when counted with and without a filter, then the numbers agree with find', async () => {
        expect(await people.count()).toBe(5);
        expect(await people.count({ 'address.city': 'London' })).toBe(2);
        expect(await people.count({ name: 'nobody' })).toBe(0);
      });
    });

    describe('reading some fields', () => {
      scenario('given people, when found with fields named, then each match holds its _id and those fields it has, copied', async () => {
        const people = await given(PEOPLE);
        const found = await people.find({ 'address.city': 'London' }, { sort: { _id: 1 }, fields: ['name', 'tags', 'nickname'] });
        expect(found).toEqual([
          { _id: 'p1', name: 'Ada', tags: ['math', 'engines'] },
          { _id: 'p2', name: 'alan', tags: ['math', 'crypto'] },
        ]);
        found[0]!.tags!.push('changed');
        expect((await people.get('p1'))!.tags).toEqual(['math', 'engines']);
        expect(await people.find({ _id: 'p3' }, { fields: [] })).toEqual([{ _id: 'p3' }]);
      });
    });

    describe('sorting and paging', () => {
      scenario('given people, when sorted by several keys, then each key breaks the ties of the one before', async () => {
        const people = await given(PEOPLE);
        const byCityThenAge = await people.find({ 'address.city': { $exists: true } }, { sort: { 'address.city': 1, age: -1 } });
        expect(ids(byCityThenAge)).toEqual(['p2', 'p1', 'p3', 'p4']);
        const byCityDesc = await people.find({ 'address.city': { $exists: true } }, { sort: { 'address.city': -1, age: 1 } });
        expect(ids(byCityDesc)).toEqual(['p4', 'p3', 'p1', 'p2']);
      });

      scenario('given null and missing values, when sorted, then they come first ascending and last descending', async () => {
        const people = await given(PEOPLE);
        expect(ids(await people.find({}, { sort: { age: 1 } }))).toEqual(['p4', 'p5', 'p1', 'p2', 'p3']);
        expect(ids(await people.find({}, { sort: { age: -1 } }))).toEqual(['p3', 'p2', 'p1', 'p4', 'p5']);
      });

      scenario('given mixed value types, when sorted, then null < numbers < strings', async () => {
        const values = await given([
          { _id: 'a', v: 'apple' },
          { _id: 'b', v: 10 },
          { _id: 'c', v: null },
          { _id: 'd', v: 2.5 },
          { _id: 'e', v: 'Zebra' },
        ]);
        expect(ids(await values.find({}, { sort: { v: 1 } }))).toEqual(['c', 'd', 'b', 'e', 'a']);
      });

      scenario('given many ties, when paged with skip and limit, then pages are disjoint and in a stable order', async () => {
        const docs = Array.from({ length: 23 }, (_, i) => ({ _id: `d${String(22 - i).padStart(2, '0')}`, rank: i % 3 }));
        const ranked = await given(docs);
        const pages: string[] = [];
        for (let skip = 0; skip < docs.length; skip += 5) {
          pages.push(...ids(await ranked.find({}, { sort: { rank: -1 }, skip, limit: 5 })));
        }
        const expected = [...docs].sort((a, b) => b.rank - a.rank || (a._id < b._id ? -1 : 1)).map((doc) => doc._id);
        expect(pages).toEqual(expected);
        expect(ids(await ranked.find({ rank: 1 }, { sort: { rank: 1 }, limit: 0 }))).toHaveLength(8);
        expect(await ranked.find({}, { skip: 30 })).toEqual([]);
      });

      scenario('given array values, when sorted, then the smallest element counts ascending and the largest descending', async () => {
        const values = await given([
          { _id: 'a', v: [5, 1] },
          { _id: 'b', v: 3 },
          { _id: 'c', v: [2, 9] },
        ]);
        expect(ids(await values.find({}, { sort: { v: 1 } }))).toEqual(['a', 'c', 'b']);
        expect(ids(await values.find({}, { sort: { v: -1 } }))).toEqual(['c', 'a', 'b']);
      });

      scenario('given people, when sorted descending by _id with a limit, then the last ids come first', async () => {
        const people = await given(PEOPLE);
        expect(ids(await people.find({}, { sort: { _id: -1 }, limit: 2 }))).toEqual(['p5', 'p4']);
      });
    });

    describe('indexes', () => {
      scenario('given a unique index, when a second document takes the same key, then the upsert is refused', async () => {
        const users = await given<Doc & { email: string; name?: string }>([{ _id: 'u1', email: 'a@example.com' }]);
        await users.ensureIndex({ email: 1 }, { unique: true });
        await users.ensureIndex({ email: 1 }, { unique: true });
        await expect(users.upsert({ _id: 'u2', email: 'a@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await users.upsert({ _id: 'u1', email: 'a@example.com', name: 'same owner' });
        await users.upsert({ _id: 'u1', email: 'b@example.com' });
        await users.upsert({ _id: 'u2', email: 'a@example.com' });
        expect(ids(await users.find({}, { sort: { email: 1 } }))).toEqual(['u2', 'u1']);
      });

      scenario('given a plain index, when documents share its key, then both are kept', async () => {
        const jobs = await given([{ _id: 'j1', owner: 'x' }]);
        await jobs.ensureIndex({ owner: 1, _id: -1 });
        await jobs.upsert({ _id: 'j2', owner: 'x' });
        expect(await jobs.count({ owner: 'x' })).toBe(2);
      });

      // Each filter with the ids it matches: asked before and after the indexes exist, the answers are the same.
      const INDEXED_FILTERS: Array<[Record<string, unknown>, string[]]> = [
        [{ tags: 'math' }, ['p1', 'p2']],
        [{ tags: { $in: ['compilers', 'engines', 'nowhere'] } }, ['p1', 'p3']],
        [{ tags: { $all: ['math', 'crypto'] } }, ['p2']],
        [{ tags: { $eq: 'crypto' }, name: 'alan' }, ['p2']],
        [{ 'jobs.title': 'admiral' }, ['p3']],
        [{ 'jobs.years': { $gt: 5 } }, ['p1', 'p2', 'p3', 'p6']],
        [{ 'jobs.years': { $gte: 6, $lte: 10 } }, ['p1', 'p2', 'p6']],
        [{ age: { $gte: 36, $lte: 41 } }, ['p1', 'p2']],
        [{ age: { $lt: 41 } }, ['p1', 'p6']],
        [{ age: { $gt: '40' } }, []],
        [{ born: { $gte: '1900-01-01', $lt: '1950-01-01' } }, ['p2', 'p3', 'p5']],
        [{ $and: [{ tags: { $in: ['math', 'compilers'] } }, { age: { $gt: 40 } }] }, ['p2', 'p3']],
        [{ $and: [{ $or: [{ name: 'Ada' }, { name: 'Grace' }] }, { tags: 'math' }] }, ['p1']],
        [{ tags: { $in: [] } }, []],
        [{ tags: null }, ['p5', 'p6']],
        [{ tags: { $ne: 'math' } }, ['p3', 'p4', 'p5', 'p6']],
        [{ _id: { $in: ['p2', 'p4', 'nobody'] }, tags: 'math' }, ['p2']],
      ];
      const ARRAY_PERSON: Person = { _id: 'p6', name: 'Barbara', age: 30, jobs: [{ title: 'professor', years: 2 }, { title: 'engineer', years: 9 }] };

      scenario('given non-unique indexes on array, nested and scalar fields, when filtered by equality, $in, $all and ranges, then the answers are those of a scan', async () => {
        const people = await given([...PEOPLE, ARRAY_PERSON]);
        const scanned = await Promise.all(INDEXED_FILTERS.map(([filter]) => idsMatching(people, filter)));
        expect(scanned).toEqual(INDEXED_FILTERS.map(([, expected]) => expected));
        const indexes: Sort[] = [{ tags: 1 }, { 'jobs.title': 1 }, { 'jobs.years': -1 }, { age: 1, name: 1 }, { born: -1 }];
        for (const fields of indexes) await people.ensureIndex(fields);
        for (const [filter, expected] of INDEXED_FILTERS) {
          expect({ filter, ids: await idsMatching(people, filter) }).toEqual({ filter, ids: expected });
          expect(await people.count(filter)).toBe(expected.length);
        }
      });

      scenario('given an indexed field holding objects and arrays with more than scalars, when filtered by equality and $in, then the answers are those of a scan', async () => {
        const odd = await given<Person>([
          { _id: 'n2', tags: [{ tags: 'math' }] },
          { _id: 'n3', tags: ['math', ['x']] },
          { _id: 'n4', tags: 'math' },
          { _id: 'n5', tags: ['poetry', { a: 1 }] },
          { _id: 'n6', tags: ['math', 'poetry'] },
        ] as unknown as Person[]);
        const filters = [{ tags: 'math' }, { tags: { $in: ['math', 'poetry'] } }, { $and: [{ tags: { $in: ['math'] } }, { _id: { $ne: 'n6' } }] }];
        const scanned = await Promise.all(filters.map((filter) => idsMatching(odd, filter)));
        expect(scanned).toEqual([['n3', 'n4', 'n6'], ['n3', 'n4', 'n5', 'n6'], ['n3', 'n4']]);
        await odd.ensureIndex({ tags: 1 });
        expect(await Promise.all(filters.map((filter) => idsMatching(odd, filter)))).toEqual(scanned);
        expect(await odd.find({ tags: 'math' }, { fields: ['tags'], readOnly: true })).toEqual([
          { _id: 'n3', tags: ['math', ['x']] },
          { _id: 'n4', tags: 'math' },
          { _id: 'n6', tags: ['math', 'poetry'] },
        ]);
      });

      scenario('given a multikey index, when documents are replaced and deleted, then lookups follow', async () => {
        const people = await given<Person>([]);
        await people.ensureIndex({ tags: 1 });
        await people.ensureIndex({ age: 1 });
        for (const person of PEOPLE) await people.upsert(person);
        await people.upsert({ _id: 'p1', name: 'Ada', age: 37, tags: ['engines', 'poetry'] });
        await people.upsert({ _id: 'p4', name: 'Linus', age: 54, tags: ['kernels', 'math'] });
        await people.delete('p2');
        expect(await idsMatching(people, { tags: 'math' })).toEqual(['p4']);
        expect(await idsMatching(people, { tags: { $in: ['poetry', 'crypto'] } })).toEqual(['p1']);
        expect(await idsMatching(people, { age: { $gte: 37, $lt: 60 } })).toEqual(['p1', 'p4']);
        expect(await idsMatching(people, { age: 36 })).toEqual([]);

        expect(await people.deleteMany({ tags: { $in: ['engines', 'kernels'] } })).toBe(2);
        expect(await idsMatching(people, { tags: { $in: ['engines', 'kernels', 'math', 'compilers'] } })).toEqual(['p3']);
        await people.upsert({ _id: 'p2', name: 'alan', tags: ['math'] });
        expect(await idsMatching(people, { tags: 'math' })).toEqual(['p2']);
        expect(await people.count({ age: { $gt: 0 } })).toBe(1);
      });

      scenario('given a unique index, when it also serves lookups, then it stays unique and finds what changed', async () => {
        const users = await given<Doc & { email: string; roles?: string[] }>([{ _id: 'u1', email: 'a@example.com', roles: ['admin'] }]);
        await users.ensureIndex({ email: 1 }, { unique: true });
        await users.ensureIndex({ roles: 1 });
        await users.upsert({ _id: 'u1', email: 'b@example.com', roles: ['user'] });
        await users.upsert({ _id: 'u2', email: 'a@example.com', roles: ['admin', 'user'] });
        await expect(users.upsert({ _id: 'u3', email: 'b@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(ids(await users.find({ email: 'a@example.com' }))).toEqual(['u2']);
        expect(ids(await users.find({ email: { $in: ['b@example.com', 'c@example.com'] } }))).toEqual(['u1']);
        expect(ids(await users.find({ roles: 'user' }, { sort: { _id: 1 } }))).toEqual(['u1', 'u2']);
        expect(await users.count({ roles: 'admin' })).toBe(1);
      });
    });
  });
}

function unique(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
