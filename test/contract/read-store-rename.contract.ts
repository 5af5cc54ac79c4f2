import { randomUUID } from 'node:crypto';
import { Doc, DuplicateKeyError, ReadStore } from '../../src/read-store/port';

/**
 * The read store's switch primitives (renameCollection, dropCollection), on which projection
 * rebuilds switch over (ADR 0012). Part of the read-store contract: every adapter must show it.
 * `renamesAtomically`: false for a server known to drop the target before renaming (the
 * MongoDB-wire test server), where a read during the rename may find the collection empty; it
 * must still never see a mix of old and new documents.
 */
export function describeRenameContract(store: () => ReadStore, scenario: (title: string, body: () => Promise<void>) => void, renamesAtomically: () => Promise<boolean>): void {
  const name = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const ids = (docs: Doc[]) => docs.map((doc) => doc._id).sort();

  describe('renaming and dropping collections', () => {
    scenario('given a live and a rebuilt collection, when the rebuilt one is renamed over the live one, then the live name serves the new documents, also through a handle taken before, and the rebuilt name is empty', async () => {
      const live = name('live');
      const rebuilt = `${live}__rebuild`;
      const handle = store().collection(live);
      await handle.upsert({ _id: 'old-1', v: 1 });
      await handle.upsert({ _id: 'old-2', v: 2 });
      await store().collection(rebuilt).upsert({ _id: 'new-1', v: 10 });

      await store().renameCollection(rebuilt, live);

      expect(ids(await handle.find())).toEqual(['new-1']);
      expect(await handle.get('old-1')).toBeNull();
      expect(await store().collection(live).get('new-1')).toEqual({ _id: 'new-1', v: 10 });
      expect(await store().collection(rebuilt).count()).toBe(0);
      await handle.upsert({ _id: 'new-2', v: 11 });
      expect(await store().collection(live).count()).toBe(2);
      expect(await store().collection(rebuilt).count()).toBe(0);
    });

    scenario('given indexes on both, when renamed, then the renamed collection keeps its own indexes and the replaced one’s are gone', async () => {
      const live = name('live');
      const rebuilt = name('rebuilt');
      await store().collection(live).ensureIndex({ email: 1 }, { unique: true });
      await store().collection(live).upsert({ _id: 'a', email: 'a@example.com', code: 'x' });
      await store().collection(rebuilt).ensureIndex({ code: 1 }, { unique: true });
      await store().collection(rebuilt).upsert({ _id: 'b', email: 'b@example.com', code: 'y' });

      await store().renameCollection(rebuilt, live);

      const collection = store().collection(live);
      await expect(collection.upsert({ _id: 'c', email: 'other@example.com', code: 'y' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await collection.upsert({ _id: 'd', email: 'b@example.com', code: 'z' });
      expect(ids(await collection.find({ email: 'b@example.com' }))).toEqual(['b', 'd']);
    });

    scenario('given a source that was never written, when renamed over a collection, then that collection is left empty', async () => {
      const live = name('live');
      await store().collection(live).upsert({ _id: 'old' });
      await store().renameCollection(name('never'), live);
      expect(await store().collection(live).count()).toBe(0);
    });

    scenario('given a collection, when dropped, then its documents and indexes are gone and it may be written again; dropping an absent one does nothing', async () => {
      const dropped = name('dropped');
      await store().collection(dropped).ensureIndex({ email: 1 }, { unique: true });
      await store().collection(dropped).upsert({ _id: 'a', email: 'a@example.com' });
      await store().dropCollection(dropped);
      expect(await store().collection(dropped).count()).toBe(0);
      await store().collection(dropped).upsert({ _id: 'b', email: 'a@example.com' });
      await store().collection(dropped).upsert({ _id: 'c', email: 'a@example.com' });
      expect(await store().collection(dropped).count()).toBe(2);
      await expect(store().dropCollection(name('absent'))).resolves.toBeUndefined();
    });

    scenario('given readers of the live name, when a rename replaces it meanwhile, then every read succeeds and sees all the old documents or all the new ones', async () => {
      const live = name('live');
      const rebuilt = name('rebuilt');
      const old = Array.from({ length: 50 }, (_, i) => ({ _id: `old-${i}`, n: i }));
      const fresh = Array.from({ length: 60 }, (_, i) => ({ _id: `new-${i}`, n: i }));
      for (const doc of old) await store().collection(live).upsert(doc);
      for (const doc of fresh) await store().collection(rebuilt).upsert(doc);
      const handle = store().collection(live);
      const sizes = (await renamesAtomically()) ? [50, 60] : [0, 50, 60];
      const seen: number[] = [];
      let renamed = false;
      const readers = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 25 || !renamed; i++) {
          const [found, count] = await Promise.all([handle.find({ n: { $gte: 0 } }, { sort: { n: 1 } }), handle.count()]);
          const prefixes = new Set(found.map((doc) => doc._id.split('-')[0]));
          expect(prefixes.size).toBe(found.length === 0 ? 0 : 1);
          expect(sizes).toContain(found.length);
          expect(sizes).toContain(count);
          seen.push(found.length);
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
      await store().renameCollection(rebuilt, live);
      renamed = true;
      await Promise.all(readers);
      expect(seen[seen.length - 1]).toBe(60);
    });
  });
}
