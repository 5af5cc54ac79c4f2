import { Query } from 'mingo';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { compileFilter } from '../../../src/read-store/embedded/filter';
import { Doc } from '../../../src/read-store/port';
import { SeededRandom, seededRandom } from '../../support/seeded-random';

/**
 * The embedded store tests the commonest filters without mingo (src/read-store/embedded/filter.ts)
 * and must answer exactly as mingo does: thousands of generated documents and filters, compared.
 */

const SCALARS = ['a', 'b', 'B', '2026-01-15', '2026-02-01', '', 0, 1, 2, -1, 1.5, true, false] as const;
const FIELDS = ['f', 'g', 'h'] as const;

function value(random: SeededRandom): unknown {
  const kind = random.next();
  if (kind < 0.45) return random.pick(SCALARS);
  if (kind < 0.55) return null;
  if (kind < 0.75) return Array.from({ length: Math.floor(random.next() * 4) }, () => random.pick(SCALARS));
  if (kind < 0.8) return [random.pick(SCALARS), null];
  if (kind < 0.85) return { a: random.pick(SCALARS) };
  if (kind < 0.88) return [{ a: 1 }, random.pick(SCALARS)];
  if (kind < 0.9) return NaN;
  if (kind < 0.92) return new Date('2026-01-15T00:00:00Z');
  return undefined;
}

function doc(random: SeededRandom): Record<string, unknown> {
  const made: Record<string, unknown> = { _id: 'x' };
  for (const field of FIELDS) {
    const held = value(random);
    if (held !== undefined || random.next() < 0.3) made[field] = held; // sometimes present and undefined
  }
  return made;
}

function condition(random: SeededRandom): unknown {
  const operand = () => (random.next() < 0.15 ? null : random.pick(SCALARS));
  const list = () => Array.from({ length: random.next() < 0.2 ? 9 + Math.floor(random.next() * 4) : 1 + Math.floor(random.next() * 3) }, operand); // short and long lists take different paths
  const kind = random.next();
  if (kind < 0.2) return operand();
  const ops: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(random.next() * 2); i++) {
    const op = random.pick(['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte', '$exists', '$all', '$regex'] as const);
    if (op === '$in' || op === '$nin' || op === '$all') ops[op] = list();
    else if (op === '$exists') ops[op] = random.next() < 0.5;
    else if (op === '$regex') ops[op] = '^a';
    else if (op.startsWith('$l') || op.startsWith('$g')) ops[op] = random.pick(SCALARS.filter((s) => typeof s !== 'boolean'));
    else ops[op] = operand();
  }
  return ops;
}

function filter(random: SeededRandom, depth = 0): Record<string, unknown> {
  const made: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(random.next() * 2); i++) {
    const kind = random.next();
    if (depth < 2 && kind < 0.25) made[random.pick(['$and', '$or'])] = Array.from({ length: 1 + Math.floor(random.next() * 3) }, () => filter(random, depth + 1));
    else made[random.pick(FIELDS)] = condition(random);
  }
  return made;
}

describe('embedded filter: the fast test answers as mingo does', () => {
  it('given generated documents and filters of equality, $in, $nin, $ne, ranges, $exists, $and and $or, then every answer is mingo\'s', () => {
    const random = seededRandom(12);
    let compared = 0;
    for (let f = 0; f < 1500; f++) {
      const made = filter(random);
      const fast = compileFilter(made);
      const query = new Query(made, { scriptEnabled: false });
      for (let d = 0; d < 40; d++) {
        const held = doc(random);
        const expected = query.test(held);
        const actual = fast(held as never);
        if (actual !== expected) throw new Error(`filter ${JSON.stringify(made)} on ${JSON.stringify(held)} (${String(held.f)}, ${String(held.g)}, ${String(held.h)}): mingo ${expected}, fast ${actual}`);
        compared++;
      }
    }
    expect(compared).toBe(60_000);
  });

  it('given a job search filter, then the fast test keeps the visible, live, unexpired jobs holding a query term, as mingo does', () => {
    const today = '2026-01-15';
    const search = {
      $and: [
        { $and: [{ $or: [{ user_id: null }, { user_id: 'u1' }] }, { status: 'active', $or: [{ expires_date: null }, { expires_date: { $gte: today } }] }] },
        { search_terms: { $in: ['kubernet', 'skill:kubernetes'] } },
      ],
      _deleted: { $exists: false },
    };
    const jobs = [
      { _id: '1', user_id: null, status: 'active', expires_date: null, search_terms: ['kubernet', 'go'] },
      { _id: '2', user_id: 'u2', status: 'active', expires_date: null, search_terms: ['kubernet'] },
      { _id: '3', user_id: 'u1', status: 'active', expires_date: '2026-01-14', search_terms: ['skill:kubernetes'] },
      { _id: '4', user_id: 'u1', status: 'active', expires_date: '2026-01-15', search_terms: ['skill:kubernetes'] },
      { _id: '5', user_id: 'u1', status: 'active', search_terms: ['rust'] },
      { _id: '6', user_id: 'u1', status: 'active', search_terms: ['kubernet'], _deleted: true },
      { _id: '7', user_id: 'u1', status: 'expired', search_terms: ['kubernet'] },
    ];
    const fast = compileFilter(search);
    expect(jobs.filter((job) => fast(job)).map((job) => job._id)).toEqual(['1', '4']);
    const query = new Query(search);
    expect(jobs.filter((job) => query.test(job)).map((job) => job._id)).toEqual(['1', '4']);
  });
});

describe('embedded collection: a clause its index answers', () => {
  it('given an indexed field holding nested arrays, when filtered by the equality that narrowed, then those documents are still tested as a scan would (the index holds more)', async () => {
    const store = new EmbeddedReadStore();
    const docs = store.collection<Doc>('nested');
    for (const doc of [{ _id: 'n1', tags: [['math']] }, { _id: 'n2', tags: ['math', ['x']] }, { _id: 'n3', tags: 'math' }, { _id: 'n4', tags: [['x'], 'poetry'] }]) await docs.upsert(doc);
    const filters = [{ tags: 'math' }, { tags: { $in: ['math', 'poetry'] } }, { $and: [{ tags: { $eq: 'math' } }, { _id: { $ne: 'n3' } }] }];
    const scanned = await Promise.all(filters.map(async (filter) => (await docs.find(filter)).map((doc) => doc._id)));
    expect(scanned).toEqual([['n2', 'n3'], ['n2', 'n3', 'n4'], ['n2']]);
    await docs.ensureIndex({ tags: 1 });
    expect(await Promise.all(filters.map(async (filter) => (await docs.find(filter)).map((doc) => doc._id)))).toEqual(scanned);
    await docs.upsert({ _id: 'n1', tags: ['math'] });
    expect((await docs.find({ tags: 'math' })).map((doc) => doc._id)).toEqual(['n1', 'n2', 'n3']);
  });
});
