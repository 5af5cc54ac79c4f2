import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Collection, Doc, Filter, Sort } from '../../../src/read-store/port';
import { SeededRandom, seededRandom } from '../../support/seeded-random';

/**
 * The column layout (src/read-store/embedded/columns) must answer exactly as the document
 * layout: the same generated writes go to both, then the same generated reads are compared.
 * Values are chosen to cross every encoding: UUIDs (and near misses), canonical timestamps (and
 * near misses), digit strings with leading zeros and beyond safe integers, dictionary text,
 * numbers, booleans, null, arrays and objects.
 */
const STRINGS = [
  '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
  '3F2B8C1E-9A4D-4C6B-8E2F-1A2B3C4D5E6F',
  'a0000000-0000-4000-8000-000000000000',
  '2026-01-15T00:00:00.000Z',
  '2026-01-15T00:00:00Z',
  '2026-02-30T00:00:00.000Z',
  '2024-02-29T23:59:59.999Z',
  '2023-02-29T00:00:00.000Z',
  '0999-12-31T00:00:00.000Z',
  '0000000000000007',
  '0000000000000012',
  '7',
  '12',
  '99999999999999999999',
  'alpha',
  'Beta',
  '',
] as const;
const SCALARS = [...STRINGS, 0, -0, 7, 12, 1.5, -3, true, false, null] as const;
const FIELDS = ['a', 'b', 'c'] as const;

function value(random: SeededRandom): unknown {
  const kind = random.next();
  if (kind < 0.65) return random.pick(SCALARS);
  if (kind < 0.75) return Array.from({ length: Math.floor(random.next() * 3) }, () => random.pick(SCALARS));
  if (kind < 0.8) return { x: random.pick(SCALARS) };
  if (kind < 0.82) return NaN;
  return undefined;
}

function doc(random: SeededRandom, id: string): Doc {
  const made: Doc = { _id: id };
  for (const field of FIELDS) {
    const held = value(random);
    if (held !== undefined) made[field] = held;
  }
  return made;
}

function condition(random: SeededRandom): unknown {
  const operand = () => random.pick(SCALARS);
  const kind = random.next();
  if (kind < 0.3) return operand();
  const op = random.pick(['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte', '$exists'] as const);
  if (op === '$in' || op === '$nin') return { [op]: [operand(), operand()] };
  if (op === '$exists') return { $exists: random.next() < 0.5 };
  if (op.startsWith('$l') || op.startsWith('$g')) return { [op]: random.pick(SCALARS.filter((s) => typeof s === 'string' || typeof s === 'number')) };
  return { [op]: operand() };
}

function filter(random: SeededRandom): Filter {
  const made: Filter = {};
  for (let i = 0; i < 1 + Math.floor(random.next() * 2); i++) {
    if (random.next() < 0.2) made[random.pick(['$and', '$or'])] = [{ [random.pick(FIELDS)]: condition(random) }, { [random.pick(FIELDS)]: condition(random) }];
    else made[random.pick(FIELDS)] = condition(random);
  }
  return made;
}

/** Equal as documents; NaN, -0 and key order aside, which JSON would not keep either. */
const canonical = (docs: Doc[]) => JSON.stringify(docs.map((d) => Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b)))));

describe('column layout of the embedded read store', () => {
  it('given the same generated writes, when read with generated filters, sorts and pages, then every answer is the document layout\'s', async () => {
    const random = seededRandom(7);
    const documents = new EmbeddedReadStore().collection<Doc>('things');
    const columns = new EmbeddedReadStore({ columnar: () => true }).collection<Doc>('things');
    const both = async (write: (collection: Collection<Doc>) => Promise<unknown>) => Promise.all([write(documents), write(columns)]);
    let compared = 0;
    for (let round = 0; round < 40; round++) {
      for (let w = 0; w < 40; w++) {
        const id = `d${Math.floor(random.next() * 120)}`;
        const roll = random.next();
        if (roll < 0.75) {
          const written = doc(random, id);
          await both((c) => c.upsert(written));
        }        else if (roll < 0.9) await both((c) => c.delete(id));
        else {
          const doomed = filter(random);
          const [a, b] = await both((c) => c.deleteMany(doomed));
          expect(b).toBe(a);
        }
      }
      const everything = async (c: Collection<Doc>) => (await c.find({}, { sort: { _id: 1 } })).map((d) => Object.entries(d).sort().map(([k, v]) => `${k}=${String(v)}`).join());
      expect(await everything(columns)).toEqual(await everything(documents));
      for (let r = 0; r < 30; r++) {
        const made = filter(random);
        const sort: Sort | undefined = random.next() < 0.5 ? { [random.pick([...FIELDS, '_id'])]: random.pick([1, -1] as const) } : undefined;
        const options = { sort, skip: random.next() < 0.3 ? 2 : 0, limit: random.next() < 0.5 ? 5 : 0 };
        const [expected, actual] = (await both((c) => c.find(made, options))) as [Doc[], Doc[]];
        if (canonical(actual) !== canonical(expected)) throw new Error(`find ${JSON.stringify(made)} ${JSON.stringify(options)}: documents ${canonical(expected)}, columns ${canonical(actual)}`);
        const [countA, countB] = await both((c) => c.count(made));
        expect(countB).toBe(countA);
        compared++;
      }
    }
    expect(compared).toBe(1200);
  });

  it('given a field that only grows, when sorted on it with a page, then the page is read in order, both ways, and an update that breaks the order is still sorted right', async () => {
    const audit = new EmbeddedReadStore({ columnar: () => true }).collection<Doc & { position: string; actor: string | null }>('audit_v1');
    for (let i = 1; i <= 500; i++) await audit.upsert({ _id: `e${i}`, position: String(i).padStart(16, '0'), actor: i % 3 === 0 ? 'u1' : null });
    const page = async (filter: Filter, direction: 1 | -1) => (await audit.find(filter, { sort: { position: direction }, limit: 3 })).map((d) => d._id);

    expect(await page({ actor: 'u1' }, 1)).toEqual(['e3', 'e6', 'e9']);
    expect(await page({ actor: 'u1', position: { $gt: '0000000000000490' } }, 1)).toEqual(['e492', 'e495', 'e498']);
    expect(await page({}, -1)).toEqual(['e500', 'e499', 'e498']);

    await audit.upsert({ _id: 'e2', position: '0000000000000999', actor: null });
    expect(await page({}, -1)).toEqual(['e2', 'e500', 'e499']);
    expect(await page({}, 1)).toEqual(['e1', 'e3', 'e4']);
  });

  it('given documents, when most are deleted, then the rest still read, count and sort as before (the columns are rewritten without the gaps)', async () => {
    const things = new EmbeddedReadStore({ columnar: () => true }).collection<Doc & { n: number; tag: string }>('things');
    for (let i = 0; i < 10_000; i++) await things.upsert({ _id: `t${i}`, n: i, tag: `tag-${i % 10}` });
    expect(await things.deleteMany({ n: { $lt: 9_000 } })).toBe(9_000);
    await things.delete('t9999');

    expect(await things.count()).toBe(999);
    expect(await things.get('t9500')).toEqual({ _id: 't9500', n: 9500, tag: 'tag-0' });
    expect(await things.get('t10')).toBeNull();
    expect((await things.find({ tag: 'tag-3' }, { sort: { n: -1 }, limit: 2 })).map((d) => d.n)).toEqual([9993, 9983]);
    await things.upsert({ _id: 't10', n: 10, tag: 'back' });
    expect((await things.find({ tag: 'back' })).map((d) => d._id)).toEqual(['t10']);
  });

  it('given a read model held as columns, when it is rebuilt beside itself, then the rebuild is held as columns too, and other collections as documents', async () => {
    const store = new EmbeddedReadStore({ columnar: (collection) => collection === 'audit_v1' });
    for (const name of ['audit_v1', 'audit_v1__rebuild', 'jobs_v2']) await store.collection(name).upsert({ _id: 'x' });
    const asColumns = (name: string) => !(Symbol.iterator in store.contents(name));
    expect(['audit_v1', 'audit_v1__rebuild', 'jobs_v2'].map(asColumns)).toEqual([true, true, false]);
  });

  it('given a snapshot\'s documents, when bulk loaded and listed again, then every value comes back as it was, strings character for character', async () => {
    const store = new EmbeddedReadStore({ columnar: () => true });
    const docs: Doc[] = [
      { _id: '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f', at: '2026-11-30T15:07:01.659Z', position: '0000000000300140', big: '12345678901234567890', note: 'ünïcødé 😀', nested: { list: [1, 'two', null] }, flag: false, none: null },
      { _id: 'plain-id', at: '2026-11-30T15:07:01Z', position: '7', big: 42, note: '', nested: [], flag: true },
    ];
    store.loadDocuments('things', JSON.parse(JSON.stringify(docs)) as Doc[]);

    expect(await store.collection('things').find()).toEqual(docs);
    expect(await store.collection('things').find({ position: '0000000000300140' })).toEqual([docs[0]]);
    expect(() => store.loadDocuments('things', [])).toThrow('not empty');
  });
});
