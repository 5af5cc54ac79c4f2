import { Collection, Doc } from '../port';
import type { CollectionImage } from '../column-image';

/** What a name of the embedded store holds, in either layout (documents, or columns for large read models). */
export interface StoredCollection<T extends Doc> extends Collection<T> {
  /** A snapshot restore's bulk load into an empty collection, of documents nobody else holds. */
  loadDocuments(docs: readonly T[]): void;
  /** The same load a document at a time, as a snapshot is read (columns take each at once; documents gather them for one load at `finish`). */
  startLoad(): BulkLoad<T>;
  /** What a snapshot writes: the documents, or a collection's columns as arrays (copied at once). */
  contents(): Iterable<T> | CollectionImage;
}

export type Layout = 'documents' | 'columns';

/** A bulk load under way; a load that throws leaves a collection to discard. */
export interface BulkLoad<T extends Doc> {
  add(doc: T): void;
  finish(): void;
}
