import { KeyStore, SubjectKey } from './port';

interface Cached {
  key: SubjectKey;
  /** Epoch ms after which the key is fetched again. */
  until: number;
}

/**
 * Keeps recently used keys in memory, at most `max_entries` (least recently used first out),
 * each for at most `ttl_ms`. Destroyed keys are not cached as absent, and `destroySubject` here
 * evicts the subject's keys at once; a process that did not erase the user stops using their
 * cached keys within `ttl_ms` (KEY_CACHE_TTL_MS), the bound on how long another process can
 * still decrypt after an erasure.
 */
export class CachedKeyStore implements KeyStore {
  private readonly byKid = new Map<string, Cached>();
  private readonly bySubject = new Map<string, Cached>();

  constructor(
    private readonly inner: KeyStore,
    private readonly max_entries = 10_000,
    private readonly ttl_ms = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async keyFor(subject: string): Promise<SubjectKey> {
    const cached = this.fresh(this.bySubject, subject);
    if (cached) return cached;
    const key = await this.inner.keyFor(subject);
    this.remember(key);
    return key;
  }

  async keyById(kid: string): Promise<SubjectKey | null> {
    const cached = this.fresh(this.byKid, kid);
    if (cached) return cached;
    const key = await this.inner.keyById(kid);
    if (key) this.remember(key, false);
    return key;
  }

  async destroySubject(subject: string): Promise<void> {
    this.bySubject.delete(subject);
    for (const [kid, cached] of this.byKid) if (cached.key.subject === subject) this.byKid.delete(kid);
    await this.inner.destroySubject(subject);
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }

  private remember(key: SubjectKey, current = true): void {
    const cached = { key, until: this.now() + this.ttl_ms };
    this.byKid.set(key.kid, cached);
    if (current) this.bySubject.set(key.subject, cached);
    for (const map of [this.byKid, this.bySubject]) {
      while (map.size > this.max_entries) map.delete(map.keys().next().value as string);
    }
  }

  /** The cached key, moved to the most recently used end; undefined when absent or expired. */
  private fresh(map: Map<string, Cached>, id: string): SubjectKey | undefined {
    const cached = map.get(id);
    if (cached === undefined) return undefined;
    map.delete(id);
    if (cached.until <= this.now()) return undefined;
    map.set(id, cached);
    return cached.key;
  }
}
