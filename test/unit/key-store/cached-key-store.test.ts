import { randomBytes } from 'node:crypto';
import { CachedKeyStore } from '../../../src/key-store/cached';
import { KeyStore, SubjectKey } from '../../../src/key-store/port';

/** A key store that counts its reads, as another process's store would be read. */
function countingStore(): KeyStore & { reads: number; keys: Map<string, SubjectKey> } {
  const keys = new Map<string, SubjectKey>();
  return {
    reads: 0,
    keys,
    async keyFor(subject) {
      this.reads++;
      const key = [...keys.values()].find((k) => k.subject === subject) ?? { kid: `k-${subject}`, subject, key: randomBytes(32) };
      keys.set(key.kid, key);
      return key;
    },
    async keyById(kid) {
      this.reads++;
      return keys.get(kid) ?? null;
    },
    async destroySubject(subject) {
      for (const [kid, key] of keys) if (key.subject === subject) keys.delete(kid);
    },
  };
}

describe('cached key store', () => {
  it('given a cached key, when another process destroys it, then this process stops using it once the TTL has passed', async () => {
    let now = 1_000;
    const inner = countingStore();
    const cached = new CachedKeyStore(inner, 100, 30_000, () => now);
    const { kid } = await cached.keyFor('u1');
    expect(await cached.keyById(kid)).not.toBeNull();
    const reads = inner.reads;

    await inner.destroySubject('u1'); // as another process would, straight in the shared store
    now += 29_999;
    expect(await cached.keyById(kid)).not.toBeNull();
    expect(inner.reads).toBe(reads);
    now += 2;
    expect(await cached.keyById(kid)).toBeNull();
  });

  it('given a destruction through this cache, then the key is gone at once', async () => {
    const cached = new CachedKeyStore(countingStore(), 100, 30_000);
    const { kid } = await cached.keyFor('u2');
    await cached.destroySubject('u2');
    expect(await cached.keyById(kid)).toBeNull();
  });
});
