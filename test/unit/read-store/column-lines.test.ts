import { randomUUID } from 'node:crypto';
import { CollectionImage } from '../../../src/read-store/column-image';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { Doc } from '../../../src/read-store/port';
import { ImageAssembler, imageLines } from '../../../src/read-store/persistent/column-lines';

/** A collection held as columns, through the snapshot's lines and back (JSON in between, as in the file). */
function throughLines(image: CollectionImage): CollectionImage[] {
  const images: CollectionImage[] = [];
  const assembler = new ImageAssembler((_, back) => images.push(back));
  for (const line of imageLines('audit_v1', image)) expect(assembler.take(JSON.parse(JSON.stringify(line)) as unknown[])).toBe(true);
  assembler.end();
  return images;
}

describe('column lines of a snapshot', () => {
  it('given 20,000 rows (arrays of many parts) with some deleted, when written as lines and read back, then the same documents come back and the order is still known', async () => {
    const store = new EmbeddedReadStore({ columnar: () => true });
    const audit = store.collection<Doc>('audit_v1');
    const docs = Array.from({ length: 20_000 }, (_, i): Doc => ({ _id: randomUUID(), position: String(i + 1).padStart(16, '0'), type: `Type${i % 7}`, at: new Date(Date.UTC(2026, 0, 1) + i).toISOString(), actor: i % 3 ? null : randomUUID(), extra: i % 1000 ? undefined : { note: i } }));
    for (const doc of docs) await audit.upsert(doc);
    await audit.deleteMany({ type: 'Type3' });
    const image = store.contents('audit_v1') as CollectionImage;

    const [back, ...more] = throughLines(image);
    const restored = new EmbeddedReadStore({ columnar: () => true });
    restored.loadImage('audit_v1', back!);

    expect(more).toEqual([]);
    expect(await restored.collection('audit_v1').find()).toEqual(await store.collection('audit_v1').find());
    expect(await restored.collection('audit_v1').count()).toBe(docs.length - docs.filter((doc) => doc.type === 'Type3').length);
    expect((await restored.collection('audit_v1').find({ type: 'Type1' }, { sort: { position: -1 }, limit: 2 })).map((doc) => doc.position)).toEqual(['0000000000019994', '0000000000019987']);
  });

  it('given an empty collection, when written as lines, then an empty image comes back', () => {
    const store = new EmbeddedReadStore({ columnar: () => true });
    store.loadDocuments('audit_v1', []);
    expect(throughLines(store.contents('audit_v1') as CollectionImage)).toEqual([{ rows: 0, live: new Uint8Array(0), columns: [] }]);
  });
});
