import { Collection, Doc, ReadStore } from '../port';
import { liveName } from '../rebuild-names';
import { NamedCollection } from './named-collection';
import { BulkLoad, Layout } from './stored-collection';
import { CollectionImage } from '../column-image';

export interface EmbeddedReadStoreOptions {
  /** Whether a collection is held as columns (columns/column-collection.ts; asked of live names, a rebuild follows its live name). Default: none, all hold documents. */
  columnar?: (collection: string) => boolean;
}

/**
 * The in-process read store: collections held in memory, since read models are rebuilt from
 * the event store at start. Filters are evaluated by mingo, sorting follows MongoDB order.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly collections = new Map<string, NamedCollection<Doc>>();
  private readonly columnar: (collection: string) => boolean;

  constructor(options: EmbeddedReadStoreOptions = {}) {
    this.columnar = options.columnar ?? (() => false);
  }

  collection<T extends Doc>(name: string): Collection<T> {
    return this.named(name) as unknown as Collection<T>;
  }

  /** The names of the collections that exist (for inspection: tests look through every one). */
  collectionNames(): string[] {
    return [...this.collections.values()].filter((collection) => !collection.absent).map((collection) => collection.name);
  }

  /** What a snapshot writes of collection `name`: its documents (read only, not copied), or its columns' image. */
  contents(name: string): Iterable<Doc> | CollectionImage {
    return this.named(name).contents();
  }

  /** A snapshot's image of a collection held as columns, into the empty collection `name`. */
  loadImage(name: string, image: CollectionImage): void {
    this.named(name).loadImage(image);
  }

  /**
   * Loads a snapshot's documents of collection `name` in one go, without copying them (for an
   * empty collection; the documents must be held by nothing else): see EmbeddedCollection.loadDocuments.
   */
  loadDocuments(name: string, docs: readonly Doc[]): void {
    this.named(name).loadDocuments(docs);
  }

  /** loadDocuments a document at a time, as a snapshot is read: see StoredCollection.startLoad. */
  startLoad(name: string): BulkLoad<Doc> {
    return this.named(name).startLoad();
  }

  /** Synchronous from the first line to the last: no call of another caller runs in between. */
  async renameCollection(from: string, to: string): Promise<void> {
    if (from === to) return;
    const source = this.named(from);
    const target = this.named(to);
    target.current = source.current;
    target.absent = source.absent;
    source.clear();
  }

  async dropCollection(name: string): Promise<void> {
    this.collections.get(name)?.clear();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private named(name: string): NamedCollection<Doc> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new NamedCollection<Doc>(name, this.layoutOf(name));
      this.collections.set(name, collection);
    }
    return collection;
  }

  private layoutOf(name: string): Layout {
    return this.columnar(liveName(name)) ? 'columns' : 'documents';
  }
}
