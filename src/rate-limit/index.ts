import { Config } from '../config';
import { InProcessRateLimitStore, RateLimitStore } from '../shared/rate-limit';

/** Counters shared through MongoDB when it is configured (several api processes), else in this process. The driver loads only then. */
export async function openRateLimitStore(config: Config): Promise<RateLimitStore> {
  if (config.mongodb && config.rate_limits.enabled) return (await import('./mongo-store')).MongoRateLimitStore.connect(config.mongodb.url, config.mongodb.db);
  return new InProcessRateLimitStore();
}
