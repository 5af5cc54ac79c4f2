import { Collection, Doc, ReadStore } from '../port';
import { NamedCollection } from './named-collection';

/**
 * The in-process read store: collections held in memory, since read models are rebuilt from
 * the event store at start. Filters are evaluated by mingo, sorting follows MongoDB order.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly collections = new Map<string, NamedCollection<Doc>>();

  collection<T extends Doc>(name: string): Collection<T> {
    return this.named(name) as unknown as Collection<T>;
  }

  /** The names of the collections that exist (for inspection: tests look through every one). */
  collectionNames(): string[] {
    return [...this.collections.values()].filter((collection) => !collection.absent).map((collection) => collection.name);
  }

  /**
   * Loads a snapshot's documents of collection `name` in one go, without copying them (for an
   * empty collection; the documents must be held by nothing else): see EmbeddedCollection.loadDocuments.
   */
  loadDocuments(name: string, docs: readonly Doc[]): void {
    this.named(name).loadDocuments(docs);
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
      collection = new NamedCollection<Doc>(name);
      this.collections.set(name, collection);
    }
    return collection;
  }
}
