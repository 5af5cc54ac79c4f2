import { Db, MongoClient, MongoServerError } from 'mongodb';
import { Collection, Doc, ReadStore } from '../port';
import { MongoCollection } from './collection';

/**
 * The read store on MongoDB (or a wire-compatible server). Writes wait for a majority
 * acknowledgement and reads go to the primary, so a read after an upsert sees it.
 */
export class MongoReadStore implements ReadStore {
  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  collection<T extends Doc>(name: string): Collection<T> {
    return new MongoCollection<T>(this.db.collection<Doc>(name));
  }

  /** One server command (renameCollection with dropTarget), atomic for every process reading `to`. */
  async renameCollection(from: string, to: string): Promise<void> {
    if (from === to) return;
    try {
      await this.db.renameCollection(from, to, { dropTarget: true });
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
      await this.dropCollection(to);
    }
  }

  async dropCollection(name: string): Promise<void> {
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
    }
  }

  async ping(): Promise<void> {
    await this.db.admin().ping();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** For tests that use a throwaway database. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }
}

const NAMESPACE_NOT_FOUND = 26;

function isNamespaceNotFound(error: unknown): boolean {
  return error instanceof MongoServerError && (error.code === NAMESPACE_NOT_FOUND || /ns not found|does not exist|source namespace/i.test(error.message));
}

export async function connectMongoReadStore(url: string, dbName: string): Promise<MongoReadStore> {
  const client = new MongoClient(url, { writeConcern: { w: 'majority' }, readPreference: 'primary' });
  await client.connect();
  return new MongoReadStore(client, client.db(dbName));
}
