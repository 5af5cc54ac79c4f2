import { Config } from '../config';
import { InProcessRateLimitStore, RateLimitStore } from '../shared/rate-limit';
import { MongoRateLimitStore } from './mongo-store';

/** Counters shared through MongoDB when it is configured (several api processes), else in this process. */
export async function openRateLimitStore(config: Config): Promise<RateLimitStore> {
  if (config.mongodb && config.rate_limits.enabled) return MongoRateLimitStore.connect(config.mongodb.url, config.mongodb.db);
  return new InProcessRateLimitStore();
}
