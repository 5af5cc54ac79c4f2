import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Doc } from '../../../src/read-store/port';

type Item = Doc & { tags: string[]; nested: { x: number[] }; other?: string };

/** `readOnly` reads of named fields hand out the embedded store's own values, frozen; every other read still copies. */
describe('embedded read store: readOnly reads of some fields', () => {
  it('given a document, when read readOnly, then its values are frozen and equal, and later reads and writes are unaffected', async () => {
    const items = new EmbeddedReadStore().collection<Item>('items');
    await items.upsert({ _id: 'i1', tags: ['a'], nested: { x: [1] }, other: 'kept out' });

    const [shared] = await items.find({ _id: 'i1' }, { fields: ['tags', 'nested'], readOnly: true });
    expect(shared).toEqual({ _id: 'i1', tags: ['a'], nested: { x: [1] } });
    expect(Object.isFrozen(shared!.tags) && Object.isFrozen(shared!.nested.x)).toBe(true);
    expect(() => shared!.tags.push('b')).toThrow(TypeError);

    const copy = (await items.get('i1'))!;
    copy.tags.push('b');
    copy.nested.x.push(2);
    const [found] = await items.find({ _id: 'i1' }, { fields: ['tags', 'nested'] });
    found!.tags.push('c');
    expect(await items.get('i1')).toEqual({ _id: 'i1', tags: ['a'], nested: { x: [1] }, other: 'kept out' });

    await items.upsert({ ...copy, tags: ['z'], nested: { x: [1] } });
    expect(await items.find({ tags: 'z' }, { fields: ['tags', 'nested'], readOnly: true })).toEqual([{ _id: 'i1', tags: ['z'], nested: { x: [1] } }]);
    expect(shared).toEqual({ _id: 'i1', tags: ['a'], nested: { x: [1] } });
  });
});
