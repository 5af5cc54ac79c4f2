import { Collection, Doc, ReadStore } from '../port';
import { EmbeddedCollection } from './collection';

/**
 * The in-process read store: collections held in memory, since read models are rebuilt from
 * the event store at start. Filters are evaluated by mingo, sorting follows MongoDB order.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly collections = new Map<string, EmbeddedCollection<Doc>>();

  collection<T extends Doc>(name: string): Collection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new EmbeddedCollection<Doc>(name);
      this.collections.set(name, collection);
    }
    return collection as unknown as Collection<T>;
  }

  /** The names of the collections that exist (for inspection: tests look through every one). */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
