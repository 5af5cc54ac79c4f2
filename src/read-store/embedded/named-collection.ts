import { Collection, Doc, Filter, FindOptions, IndexOptions, Sort } from '../port';
import { EmbeddedCollection } from './collection';

/**
 * What a name of the embedded store holds: the handle callers keep. It forwards every call to
 * the collection the name holds now, so a rename (a projection rebuild's switch, ADR 0012) moves
 * every handle at once, between two calls: a call runs wholly on the old documents or wholly on
 * the new ones (the embedded collection never awaits inside a call).
 */
export class NamedCollection<T extends Doc> implements Collection<T> {
  /** Dropped, or never written: not listed among the store's collections. */
  absent = true;

  constructor(
    readonly name: string,
    public current: EmbeddedCollection<T> = new EmbeddedCollection<T>(name),
  ) {}

  /** Empties the name (its documents and indexes go). */
  clear(): void {
    this.current = new EmbeddedCollection<T>(this.name);
    this.absent = true;
  }

  /** A snapshot restore's bulk load into the (empty) collection the name holds: see EmbeddedCollection.loadDocuments. */
  loadDocuments(docs: readonly T[]): void {
    this.current.loadDocuments(docs);
    this.absent = false;
  }

  get(id: string): Promise<T | null> {
    return this.current.get(id);
  }

  upsert(doc: T): Promise<void> {
    this.absent = false;
    return this.current.upsert(doc);
  }

  delete(id: string): Promise<void> {
    return this.current.delete(id);
  }

  deleteMany(filter?: Filter): Promise<number> {
    return this.current.deleteMany(filter);
  }

  find(filter?: Filter, options?: FindOptions): Promise<T[]> {
    return this.current.find(filter, options);
  }

  count(filter?: Filter): Promise<number> {
    return this.current.count(filter);
  }

  ensureIndex(fields: Sort, options?: IndexOptions): Promise<void> {
    this.absent = false;
    return this.current.ensureIndex(fields, options);
  }
}
