import { FieldIndex } from '../../../src/read-store/embedded/field-index';
import { candidateIds } from '../../../src/read-store/embedded/plan';
import { Doc } from '../../../src/read-store/port';

/** Which documents the embedded store tests a filter on: the narrowing its indexes give. */
describe('embedded read store: narrowing through indexes', () => {
  const docs: Doc[] = [
    { _id: 'a', owner: 'u1', tags: ['go', 'k8s'], posted: '2025-01-10', score: 3 },
    { _id: 'b', owner: 'u1', tags: ['go'], posted: '2025-03-01', score: 7 },
    { _id: 'c', owner: 'u2', tags: ['java'], posted: '2025-02-15', score: [1, 9] },
    { _id: 'd', owner: null, items: [{ name: 'go' }], posted: null },
  ];
  const indexes = new Map(['owner', 'tags', 'posted', 'score', 'items.name'].map((field) => [field, new FieldIndex(field)]));
  for (const index of indexes.values()) docs.forEach((doc) => index.add(doc));
  const narrowed = (filter: Record<string, unknown>) => {
    const ids = candidateIds(filter, indexes);
    return ids && [...ids].sort();
  };

  it('given equality, $in and $all on indexed fields, when planned, then only documents holding the values are candidates', () => {
    expect(narrowed({ tags: 'go' })).toEqual(['a', 'b']);
    expect(narrowed({ tags: { $in: ['k8s', 'java'] } })).toEqual(['a', 'c']);
    expect(narrowed({ tags: { $all: ['go', 'k8s'] } })).toEqual(['a']);
    expect(narrowed({ 'items.name': 'go' })).toEqual(['d']);
    expect(narrowed({ _id: { $in: ['b', 'zz'] } })).toEqual(['b', 'zz']);
  });

  it('given ranges, when planned, then bounds of one type narrow, and an array field is narrowed bound by bound', () => {
    expect(narrowed({ posted: { $gte: '2025-02-01', $lt: '2025-03-01' } })).toEqual(['c']);
    expect(narrowed({ score: { $gt: 2 } })).toEqual(['a', 'b', 'c']);
    expect(narrowed({ score: { $gt: 4, $lt: 8 } })).toEqual(['b', 'c']);
    expect(narrowed({ score: { $gt: 'a' } })).toEqual([]);
    expect(narrowed({ posted: { $gt: '2025-01-01', $lt: 5 } })).toBeNull();
  });

  it('given several narrowing conditions under $and, when planned, then the smallest set of candidates is chosen', () => {
    expect(narrowed({ $and: [{ owner: 'u1' }, { $and: [{ tags: 'k8s' }] }] })).toEqual(['a']);
    expect(narrowed({ owner: 'u1', posted: { $gte: '2025-03-01' } })).toEqual(['b']);
  });

  it('given conditions no index can answer, when planned, then every document is a candidate', () => {
    expect(narrowed({})).toBeNull();
    expect(narrowed({ owner: null })).toBeNull();
    expect(narrowed({ $or: [{ owner: 'u1' }, { owner: 'u2' }] })).toBeNull();
    expect(narrowed({ tags: { $regex: '^g' } })).toBeNull();
    expect(narrowed({ tags: { $ne: 'go' } })).toBeNull();
    expect(narrowed({ unindexed: 'x' })).toBeNull();
  });

  it('given documents replaced and removed, when planned again, then the candidates follow', () => {
    const tags = new FieldIndex('tags');
    const local = new Map([['tags', tags]]);
    tags.add({ _id: 'x', tags: ['go'] });
    tags.remove({ _id: 'x', tags: ['go'] });
    tags.add({ _id: 'x', tags: ['rust'] });
    expect([...candidateIds({ tags: { $in: ['go', 'rust'] } }, local)!]).toEqual(['x']);
    expect([...candidateIds({ tags: 'go' }, local)!]).toEqual([]);
    expect([...candidateIds({ tags: { $gte: 'a' } }, local)!]).toEqual(['x']);
  });

  it('given a key held by one document, then by two, then by one again, when planned, then the candidates follow each step', () => {
    const position = new FieldIndex('position');
    const local = new Map([['position', position]]);
    const ids = (filter: Record<string, unknown>) => [...candidateIds(filter, local)!].sort();
    position.add({ _id: 'p', position: 7 });
    position.add({ _id: 'p', position: 7 });
    expect(ids({ position: 7 })).toEqual(['p']);
    position.add({ _id: 'q', position: 7 });
    expect(ids({ position: { $in: [7, 8] } })).toEqual(['p', 'q']);
    position.remove({ _id: 'p', position: 7 });
    expect(ids({ position: 7 })).toEqual(['q']);
    position.remove({ _id: 'p', position: 7 });
    expect(ids({ position: { $gte: 1 } })).toEqual(['q']);
    position.remove({ _id: 'q', position: 7 });
    expect(ids({ position: 7 })).toEqual([]);
    expect(ids({ position: { $gte: 1 } })).toEqual([]);
  });
});
