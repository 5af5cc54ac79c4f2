import { join } from 'node:path';
import { Config } from './config';
import { openEmbeddedEventStore } from './event-store/embedded';
import { EventStoreDbEventStore } from './event-store/eventstoredb';
import { EventStore } from './event-store/port';
import { EmbeddedReadStore } from './read-store/embedded';
import { connectMongoReadStore } from './read-store/mongo';
import { ReadStore } from './read-store/port';
import { MessageBus } from './bus/port';
import { InProcessBus } from './bus/in-process';
import { createKafkaBus } from './bus/kafka';
import { Logger } from './shared/logger';

/** A set URL selects the real adapter; otherwise the embedded one. */
export async function openEventStore(config: Config, logger: Logger): Promise<EventStore> {
  if (config.eventstore_url) return EventStoreDbEventStore.connect(config.eventstore_url);
  const store = await openEmbeddedEventStore(join(config.data_dir, 'events'));
  if (store.recovery.truncated_bytes > 0) {
    logger.warn({ ...store.recovery }, 'embedded event store cut a torn tail left by a crash');
  }
  return store;
}

export async function openReadStore(config: Config): Promise<ReadStore> {
  if (config.mongodb) return connectMongoReadStore(config.mongodb.url, config.mongodb.db);
  return new EmbeddedReadStore();
}

export async function openBus(config: Config, logger: Logger): Promise<MessageBus> {
  if (config.kafka) {
    const { brokers, client_id, topic_partitions, replication_factor } = config.kafka;
    return createKafkaBus({ brokers, client_id, topic_partitions, replication_factor, logger });
  }
  return new InProcessBus();
}

export const isEmbedded = (config: Config) => !config.eventstore_url && !config.mongodb && !config.kafka;
