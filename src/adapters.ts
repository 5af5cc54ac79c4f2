import { join } from 'node:path';
import { Config } from './config';
import { openEmbeddedEventStore } from './event-store/embedded';
import { EventStore } from './event-store/port';
import { EmbeddedReadStore } from './read-store/embedded';
import { PersistentReadStore } from './read-store/persistent';
import { RELAY_CHECKPOINT } from './relay';
import { ReadStore } from './read-store/port';
import { MessageBus } from './bus/port';
import { InProcessBus } from './bus/in-process';
import { Logger } from './shared/logger';
import { CachedKeyStore } from './key-store/cached';
import { CollectionKeyStore } from './key-store/collection-key-store';
import { FileKeyStore } from './key-store/file-key-store';
import { resolveMasterKey, resolveSharedMasterKey } from './key-store/master-key';
import { KeyStore } from './key-store/port';
import { FileStore } from './storage/port';
import { LocalFileStore } from './storage/local/local-file-store';
import { ContentProvider } from './llm/port';
import { DeterministicProvider } from './llm/deterministic-provider';

/*
 * Each server adapter is loaded only when its server is configured: their client libraries
 * (@eventstore/db-client with gRPC, mongodb, kafkajs, openai) take about a second to load,
 * which an embedded start would pay for nothing (issue 12).
 */
const eventStoreDb = () => import('./event-store/eventstoredb');
const mongoReadStore = () => import('./read-store/mongo');
const kafkaBus = () => import('./bus/kafka');
const openAi = () => require('./llm/openai') as typeof import('./llm/openai');

/** A set URL selects the real adapter; otherwise the embedded one. */
export async function openEventStore(config: Config, logger: Logger): Promise<EventStore> {
  if (config.eventstore_url) return (await eventStoreDb()).EventStoreDbEventStore.connect(config.eventstore_url);
  const store = await openEmbeddedEventStore(join(config.data_dir, 'events'));
  if (store.recovery.truncated_bytes > 0) {
    logger.warn({ ...store.recovery }, 'embedded event store cut a torn tail left by a crash');
  }
  logger.info({ events: Number(await store.headPosition() || 0), from_saved_index: store.saved_index_events }, 'embedded event store opened');
  return store;
}

/**
 * MongoDB when MONGODB_URL is set (durable by itself); otherwise the embedded store, restored
 * from its snapshot under DATA_DIR/read-models and written back there (src/read-store/persistent).
 */
export async function openReadStore(config: Config, events: EventStore, projections: readonly { name: string; collection: string; layout?: 'columns' }[], logger: Logger): Promise<ReadStore> {
  if (config.mongodb) return (await mongoReadStore()).connectMongoReadStore(config.mongodb.url, config.mongodb.db);
  return PersistentReadStore.open({ createStore: () => embeddedReadStore(projections), dir: join(config.data_dir, 'read-models'), events, projections, logger, snapshot_interval_ms: config.read_model_snapshot_interval_ms });
}

/** An empty in-memory read store holding as columns the read models that ask for it (`layout: 'columns'`). */
export function embeddedReadStore(projections: readonly { collection: string; layout?: 'columns' }[]): EmbeddedReadStore {
  const columnar = new Set(projections.filter((projection) => projection.layout === 'columns').map((projection) => projection.collection));
  return new EmbeddedReadStore({ columnar: (collection) => columnar.has(collection) });
}

/**
 * Embedded read store and in-process bus (ADR 0005): the relay's checkpoint is persisted at once
 * on every move, held back to what every consumer group has received, so that a restart
 * re-publishes exactly the messages a consumer had not finished, not all history.
 */
export function keepRelayCheckpointDurable(readStore: ReadStore, bus: MessageBus): void {
  if (!(readStore instanceof PersistentReadStore)) return;
  readStore.capCheckpoint(RELAY_CHECKPOINT, (published) => (bus instanceof InProcessBus ? bus.resumePosition(published) : published));
}

export async function openBus(config: Config, logger: Logger): Promise<MessageBus> {
  if (config.kafka) {
    const { brokers, client_id, topic_partitions, replication_factor, session_timeout_ms } = config.kafka;
    const consumer = session_timeout_ms === undefined ? undefined : { session_timeout_ms };
    return (await kafkaBus()).createKafkaBus({ brokers, client_id, topic_partitions, replication_factor, consumer, logger });
  }
  return new InProcessBus();
}

/** Per-user data keys (ADR 0009): in MongoDB's `subject_keys` when MONGODB_URL is set, else a file under DATA_DIR. */
export async function openKeyStore(config: Config, readStore: ReadStore, jwt_secret: string, logger: Logger): Promise<KeyStore> {
  const configured = config.master_key;
  const inner = config.mongodb
    ? new CollectionKeyStore(readStore, resolveSharedMasterKey({ configured, jwt_secret, logger }))
    : await FileKeyStore.open(join(config.data_dir, 'keys', 'subject-keys.json'), await resolveMasterKey({ configured, data_dir: config.data_dir, logger }));
  return new CachedKeyStore(inner, 10_000, config.key_cache_ttl_ms);
}

/** The content writer: OpenAI's API (or a compatible server) when OPENAI_API_KEY is set, else the deterministic writer. */
export function openContentProvider(config: Config): ContentProvider {
  const openai = config.generation.openai;
  return openai ? new (openAi().OpenAiProvider)(openai) : new DeterministicProvider();
}

/** Document files (issue 11): under DATA_DIR/storage, each sealed with its owner's key. */
export function openFileStore(config: Config, keys: KeyStore): Promise<FileStore> {
  return LocalFileStore.open(join(config.data_dir, 'storage'), keys);
}

export const isEmbedded = (config: Config) => !config.eventstore_url && !config.mongodb && !config.kafka;
