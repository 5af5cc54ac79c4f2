import { Collection, MongoClient } from 'mongodb';
import { CounterValue, RateLimitStore } from '../shared/rate-limit';

interface CounterDoc {
  _id: string;
  count: number;
  expires_at: Date;
  updated_at: Date;
}

/**
 * Rate-limit counters in one MongoDB collection, shared by every `api` process. An increment is
 * one `findOneAndUpdate` with `$inc` and upsert (atomic on the server); the answer is the
 * document before it, so a counter left over from an expired period is noticed and restarted
 * at 1. Expired counters are deleted by `prune` (no TTL index: mongo-java-server has none),
 * which increments trigger at most once a minute.
 */
export class MongoRateLimitStore implements RateLimitStore {
  private lastPrune = 0;

  constructor(
    private readonly client: MongoClient,
    private readonly counters: Collection<CounterDoc>,
  ) {}

  static async connect(url: string, db: string, collection = 'rate_limit_counters'): Promise<MongoRateLimitStore> {
    const client = await MongoClient.connect(url, { writeConcern: { w: 'majority' }, readPreference: 'primary' });
    return new MongoRateLimitStore(client, client.db(db).collection<CounterDoc>(collection));
  }

  async increment(key: string, now: Date, expires_at: Date): Promise<CounterValue> {
    this.pruneSometimes(now);
    const before = await this.counters.findOneAndUpdate(
      { _id: key },
      { $inc: { count: 1 }, $set: { expires_at, updated_at: now } },
      { upsert: true, returnDocument: 'before' },
    );
    if (before && before.expires_at > now) return { count: before.count + 1, expires_at, updated_at: now };
    if (before) {
      // A leftover of an expired period: this increment starts a new one.
      await this.counters.updateOne({ _id: key }, { $set: { count: 1, expires_at, updated_at: now } });
    }
    return { count: 1, expires_at, updated_at: now };
  }

  async get(key: string, now: Date): Promise<CounterValue | null> {
    const doc = await this.counters.findOne({ _id: key });
    return doc && doc.expires_at > now ? { count: doc.count, expires_at: doc.expires_at, updated_at: doc.updated_at } : null;
  }

  async reset(key: string): Promise<void> {
    await this.counters.deleteOne({ _id: key });
  }

  async prune(now: Date): Promise<number> {
    return (await this.counters.deleteMany({ expires_at: { $lte: now } })).deletedCount;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private pruneSometimes(now: Date): void {
    if (now.getTime() - this.lastPrune < 60_000) return;
    this.lastPrune = now.getTime();
    this.prune(now).catch(() => undefined);
  }
}
