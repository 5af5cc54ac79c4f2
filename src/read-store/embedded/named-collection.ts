import { Collection, Doc, Filter, FindOptions, IndexOptions, Sort } from '../port';
import { EmbeddedCollection } from './collection';
import { CollectionImage } from '../column-image';
import { ColumnCollection } from './columns/column-collection';
import { BulkLoad, Layout, StoredCollection } from './stored-collection';

/**
 * What a name of the embedded store holds: the handle callers keep. It forwards every call to
 * the collection the name holds now, so a rename (a projection rebuild's switch, ADR 0012) moves
 * every handle at once, between two calls: a call runs wholly on the old documents or wholly on
 * the new ones (the embedded collection never awaits inside a call).
 */
export class NamedCollection<T extends Doc> implements Collection<T> {
  /** Dropped, or never written: not listed among the store's collections. */
  absent = true;

  public current: StoredCollection<T>;

  constructor(
    readonly name: string,
    private readonly layout: Layout,
  ) {
    this.current = this.empty();
  }

  /** Empties the name (its documents and indexes go). */
  clear(): void {
    this.current = this.empty();
    this.absent = true;
  }

  /** What a snapshot writes (see StoredCollection.contents). */
  contents(): Iterable<T> | CollectionImage {
    return this.current.contents();
  }

  /** A snapshot's columns into the (empty) collection; one now held as documents takes them as documents. */
  loadImage(image: CollectionImage): void {
    if (this.current instanceof ColumnCollection) this.current.loadImage(image);
    else {
      const columns = new ColumnCollection<T>(this.name);
      columns.loadImage(image);
      this.current.loadDocuments([...columns.documents()]);
    }
    this.absent = false;
  }

  private empty(): StoredCollection<T> {
    return this.layout === 'columns' ? new ColumnCollection<T>(this.name) : new EmbeddedCollection<T>(this.name);
  }

  /** A snapshot restore's bulk load into the (empty) collection the name holds: see EmbeddedCollection.loadDocuments. */
  loadDocuments(docs: readonly T[]): void {
    this.current.loadDocuments(docs);
    this.absent = false;
  }

  /** loadDocuments a document at a time (see StoredCollection.startLoad). */
  startLoad(): BulkLoad<T> {
    const load = this.current.startLoad();
    this.absent = false;
    return load;
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
