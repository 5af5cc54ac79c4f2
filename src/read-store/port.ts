/**
 * The read store port: documents built by projectors and served by queries.
 *
 * Filters use the MongoDB query language (the subset both adapters support:
 * $eq $ne $in $nin $gt $gte $lt $lte $exists $regex $and $or $all $elemMatch),
 * so projection and query code is shared between MongoDB and the embedded store.
 * `$regex` takes a string pattern with its flags in `$options` (mongo-java-server rejects a
 * RegExp object there); the embedded store refuses anything outside this subset.
 *
 * Sorting follows MongoDB: missing and null sort first ascending, values of different types
 * sort by type (null < numbers < strings < objects < arrays < booleans), and a sort that does
 * not name `_id` is completed with `_id` ascending so pages are stable under ties.
 */

export type Doc = { _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  /** 0 or absent means no limit, as in MongoDB. */
  limit?: number;
  /**
   * Only these top-level fields (and `_id`) of each match: a search that ranks thousands of
   * matches reads what ranking needs, not every nested analysis. Absent: the whole documents.
   */
  fields?: readonly string[];
  /**
   * The caller only reads what it gets and never changes it: a store may then hand out the
   * values it holds, frozen, instead of copies (the embedded store does, for the named `fields`;
   * MongoDB's answers are fresh copies anyway). Absent: copies the caller may change.
   */
  readOnly?: boolean;
  /**
   * The caller puts the matches in its own order (a search ranks them): a store may hand them
   * out in any order instead of its natural one. Ignored with `sort`, `skip` or `limit`.
   */
  unordered?: boolean;
}

export interface IndexOptions {
  unique?: boolean;
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>;
  /** Replaces the whole document with this `_id`, inserting it when absent. */
  upsert(doc: T): Promise<void>;
  delete(id: string): Promise<void>;
  /** Deletes every matching document (all of them without a filter) and says how many. */
  deleteMany(filter?: Filter): Promise<number>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  /**
   * Idempotently declares an index; both adapters build every one, unique or not. An index on an
   * array field holds each element (multikey), so equality, `$in`, `$all` and ranges on it are
   * answered through the index: the embedded store narrows by an index's leading field, at the
   * top level of a filter or inside `$and`, then applies the whole filter (the answers are those
   * of a scan, only faster). A unique index is enforced: an upsert that would duplicate its key
   * rejects with DuplicateKeyError (the embedded store keys it by whole values, not elements).
   */
  ensureIndex(fields: Sort, options?: IndexOptions): Promise<void>;
}

export interface ReadStore {
  /**
   * The collection named `name`. A handle follows its name: after `renameCollection(x, name)` it
   * serves the renamed documents, so handles may be kept.
   */
  collection<T extends Doc>(name: string): Collection<T>;
  /**
   * Atomically gives the documents and indexes of `from` the name `to`, dropping what `to` held
   * (MongoDB's renameCollection with dropTarget): a read of `to` sees the old documents or the
   * new ones, never a mix and never nothing. `from` is left empty (absent); renaming an absent
   * `from` leaves `to` empty. Projection rebuilds switch over with it (ADR 0012).
   */
  renameCollection(from: string, to: string): Promise<void>;
  /** Drops a collection, its documents and indexes; nothing happens when it does not exist. */
  dropCollection(name: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write or index creation would break a unique index. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly fields: string[],
  ) {
    super(`Duplicate key in ${collection} on (${fields.join(', ')})`);
    this.name = 'DuplicateKeyError';
  }
}
