import { randomUUID } from 'node:crypto';
import { KeyStore } from '../../src/key-store/port';

/** What every key-store adapter must do; `open` gives a fresh store (or the same data reopened when `reopen` is given). */
export function keyStoreContract(name: string, open: () => Promise<KeyStore>) {
  describe(`key store contract: ${name}`, () => {
    let store: KeyStore;
    beforeAll(async () => {
      store = await open();
    });

    it('creates a 32-byte key per subject on first use and returns the same key after', async () => {
      const subject = randomUUID();
      const first = await store.keyFor(subject);
      expect(first.key).toHaveLength(32);
      expect(first.subject).toBe(subject);
      const again = await store.keyFor(subject);
      expect(again.kid).toBe(first.kid);
      expect(again.key.equals(first.key)).toBe(true);
      const other = await store.keyFor(randomUUID());
      expect(other.kid).not.toBe(first.kid);
      expect(other.key.equals(first.key)).toBe(false);
    });

    it('finds a key by id, and answers null for an unknown id', async () => {
      const key = await store.keyFor(randomUUID());
      const found = await store.keyById(key.kid);
      expect(found?.key.equals(key.key)).toBe(true);
      expect(await store.keyById(randomUUID())).toBeNull();
    });

    it('destroys every key of one subject and no other', async () => {
      const subject = randomUUID();
      const keep = await store.keyFor(randomUUID());
      const gone = await store.keyFor(subject);
      await store.destroySubject(subject);
      expect(await store.keyById(gone.kid)).toBeNull();
      expect((await store.keyById(keep.kid))?.key.equals(keep.key)).toBe(true);
      const fresh = await store.keyFor(subject);
      expect(fresh.kid).not.toBe(gone.kid);
      expect(await store.keyById(gone.kid)).toBeNull();
    });

    it('keeps keys and destructions across a reopen', async () => {
      const subject = randomUUID();
      const kept = await store.keyFor(randomUUID());
      const gone = await store.keyFor(subject);
      await store.destroySubject(subject);
      const reopened = await open();
      expect((await reopened.keyById(kept.kid))?.key.equals(kept.key)).toBe(true);
      expect(await reopened.keyById(gone.kid)).toBeNull();
    });
  });
}
