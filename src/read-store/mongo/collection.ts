import { Collection as Driver, MongoServerError } from 'mongodb';
import { Collection, Doc, DuplicateKeyError, Filter, FindOptions, IndexOptions, Sort } from '../port';

const DUPLICATE_KEY = 11000;

export class MongoCollection<T extends Doc> implements Collection<T> {
  constructor(private readonly driver: Driver<Doc>) {}

  async get(id: string): Promise<T | null> {
    return retryingRead(async () => (await this.driver.findOne({ _id: id })) as T | null);
  }

  async upsert(doc: T): Promise<void> {
    await this.translatingDuplicates(() => this.driver.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async delete(id: string): Promise<void> {
    await this.driver.deleteOne({ _id: id });
  }

  async deleteMany(filter: Filter = {}): Promise<number> {
    return (await this.driver.deleteMany(filter)).deletedCount;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip, limit, fields } = options;
    return retryingRead(async () => {
      let cursor = this.driver.find(filter);
      if (fields) cursor = cursor.project({ _id: 1, ...Object.fromEntries(fields.map((field) => [field, 1])) });
      if (sort && Object.keys(sort).length > 0) cursor = cursor.sort(withIdTieBreaker(sort));
      if (skip) cursor = cursor.skip(skip);
      if (limit) cursor = cursor.limit(limit);
      return (await cursor.toArray()) as T[];
    });
  }

  async count(filter: Filter = {}): Promise<number> {
    return retryingRead(() => this.driver.countDocuments(filter));
  }

  async ensureIndex(fields: Sort, options: IndexOptions = {}): Promise<void> {
    await this.translatingDuplicates(() => this.driver.createIndex(fields, { unique: options.unique ?? false }));
  }

  private async translatingDuplicates(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        throw new DuplicateKeyError(this.driver.collectionName, Object.keys(error.keyPattern ?? {}));
      }
      throw error;
    }
  }
}

/**
 * A read that met a rebuild's switch (ADR 0012): the collection it was reading was replaced
 * under it (renameCollection with dropTarget), so its cursor was killed. Asked again, it reads
 * the collection that holds the name now.
 */
const KILLED_BY_RENAME = new Set([
  43, // CursorNotFound
  175, // QueryPlanKilled
  237, // CursorKilled
  11601, // Interrupted
]);

async function retryingRead<R>(read: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 3 || !(error instanceof MongoServerError) || !KILLED_BY_RENAME.has(Number(error.code))) throw error;
    }
  }
}

/** `_id` ascending breaks ties so pages are stable, as in the embedded store. */
function withIdTieBreaker(sort: Sort): Array<[string, 1 | -1]> {
  const fields = Object.entries(sort);
  return '_id' in sort ? fields : [...fields, ['_id', 1]];
}
