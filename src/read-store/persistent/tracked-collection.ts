import { Collection, Doc, Filter, FindOptions, IndexOptions, Sort } from '../port';

/** A collection that reports its writes (the snapshot is only rewritten when something changed). */
export class TrackedCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly inner: Collection<T>,
    private readonly onWrite: (id?: string) => void,
  ) {}

  get(id: string): Promise<T | null> {
    return this.inner.get(id);
  }

  async upsert(doc: T): Promise<void> {
    await this.inner.upsert(doc);
    this.onWrite(doc._id);
  }

  async delete(id: string): Promise<void> {
    await this.inner.delete(id);
    this.onWrite(id);
  }

  async deleteMany(filter?: Filter): Promise<number> {
    const deleted = await this.inner.deleteMany(filter);
    if (deleted > 0) this.onWrite();
    return deleted;
  }

  find(filter?: Filter, options?: FindOptions): Promise<T[]> {
    return this.inner.find(filter, options);
  }

  count(filter?: Filter): Promise<number> {
    return this.inner.count(filter);
  }

  ensureIndex(fields: Sort, options?: IndexOptions): Promise<void> {
    return this.inner.ensureIndex(fields, options);
  }
}
