import { KeyStore, SubjectKey } from './port';

/**
 * Keeps recently used keys in memory, at most `max_entries` (least recently used first out).
 * Destroyed keys are not cached as absent, so a destruction by another process shows at once
 * for keys this process has not cached; `destroySubject` here evicts the subject's keys.
 */
export class CachedKeyStore implements KeyStore {
  private readonly byKid = new Map<string, SubjectKey>();
  private readonly bySubject = new Map<string, SubjectKey>();

  constructor(
    private readonly inner: KeyStore,
    private readonly max_entries = 10_000,
  ) {}

  async keyFor(subject: string): Promise<SubjectKey> {
    const cached = touch(this.bySubject, subject);
    if (cached) return cached;
    const key = await this.inner.keyFor(subject);
    this.remember(key);
    return key;
  }

  async keyById(kid: string): Promise<SubjectKey | null> {
    const cached = touch(this.byKid, kid);
    if (cached) return cached;
    const key = await this.inner.keyById(kid);
    if (key) this.remember(key, false);
    return key;
  }

  async destroySubject(subject: string): Promise<void> {
    this.bySubject.delete(subject);
    for (const [kid, key] of this.byKid) if (key.subject === subject) this.byKid.delete(kid);
    await this.inner.destroySubject(subject);
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }

  private remember(key: SubjectKey, current = true): void {
    this.byKid.set(key.kid, key);
    if (current) this.bySubject.set(key.subject, key);
    for (const map of [this.byKid, this.bySubject]) {
      while (map.size > this.max_entries) map.delete(map.keys().next().value as string);
    }
  }
}

function touch<V>(map: Map<string, V>, id: string): V | undefined {
  const value = map.get(id);
  if (value !== undefined) {
    map.delete(id);
    map.set(id, value);
  }
  return value;
}
