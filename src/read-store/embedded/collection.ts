import { Collection, Doc, Filter, FindOptions, IndexOptions, Sort } from '../port';
import { cloneDocument } from './clone';
import { compileFilter } from './filter';
import { sortDocs } from './sort';
import { UniqueIndex } from './unique-index';

/** Documents are cloned in and out, so callers never share objects with the store. */
export class EmbeddedCollection<T extends Doc> implements Collection<T> {
  private readonly docs = new Map<string, T>();
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();

  constructor(private readonly name: string) {}

  async get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return doc ? cloneDocument(doc) : null;
  }

  async upsert(doc: T): Promise<void> {
    const copy = cloneDocument(doc);
    const previous = this.docs.get(copy._id);
    for (const index of this.uniqueIndexes.values()) index.check(copy);
    for (const index of this.uniqueIndexes.values()) {
      if (previous) index.remove(previous);
      index.add(copy);
    }
    this.docs.set(copy._id, copy);
  }

  async delete(id: string): Promise<void> {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const index of this.uniqueIndexes.values()) index.remove(doc);
    this.docs.delete(id);
  }

  async deleteMany(filter?: Filter): Promise<number> {
    const doomed = this.matching(filter);
    for (const doc of doomed) await this.delete(doc._id);
    return doomed.length;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip = 0, limit = 0 } = options;
    let found = this.matching(filter);
    if (sort && Object.keys(sort).length > 0) found = sortDocs(found, sort);
    const page = found.slice(skip, limit > 0 ? skip + limit : undefined);
    return page.map((doc) => cloneDocument(doc));
  }

  async count(filter?: Filter): Promise<number> {
    return this.matching(filter).length;
  }

  async ensureIndex(fields: Sort, options: IndexOptions = {}): Promise<void> {
    if (!options.unique) return;
    const name = JSON.stringify(fields);
    if (this.uniqueIndexes.has(name)) return;
    const index = new UniqueIndex(this.name, fields);
    for (const doc of this.docs.values()) index.add(doc);
    this.uniqueIndexes.set(name, index);
  }

  private matching(filter?: Filter): T[] {
    const matches = compileFilter(filter);
    return [...this.docs.values()].filter(matches);
  }
}
