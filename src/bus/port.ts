/**
 * The message bus port: integration events for the process manager and analytics consumers.
 * Real adapter: Kafka (kafkajs). Embedded: in-process.
 */

/** Header names carried by every integration event (the envelope fields consumers route on). */
export const BUS_HEADERS = {
  event_id: 'event_id',
  event_type: 'event_type',
  schema_version: 'schema_version',
  correlation_id: 'correlation_id',
  /** 'true' on a message re-published from history by an admin replay; consumers that act (not count) skip it. */
  replay: 'replay',
  replay_id: 'replay_id',
} as const;

/** A message re-published by an admin replay: consumers that act ignore it (see actionable.ts). */
export const isReplay = (headers: Record<string, string | undefined>): boolean => headers[BUS_HEADERS.replay] === 'true';

export interface BusMessage {
  /** Partition key: the source stream id, so each stream keeps its order. */
  key: string;
  value: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface ConsumedMessage extends BusMessage {
  topic: string;
  partition: number;
  offset: string;
}

export interface ConsumerOptions {
  group_id: string;
  topics: string[];
  from_beginning?: boolean;
  /**
   * Attempts per message before it goes to the dead-letter topic `<topic>.dlq`
   * (default: the adapter's retry policy, 5).
   */
  max_attempts?: number;
  /** Must be idempotent: a message may be delivered more than once. */
  handler: (message: ConsumedMessage, delivery: Delivery) => Promise<void>;
}

/** What a handler can do while it works on a message. */
export interface Delivery {
  /**
   * Tells the broker this consumer is alive. A handler that may run longer than the consumer
   * session timeout calls it now and then, or the group gives its partition to another member,
   * which gets the message again. May throw while the group rebalances.
   */
  heartbeat(): Promise<void>;
}

export interface Consumer {
  stop(): Promise<void>;
}

export interface MessageBus {
  /** Resolves once the broker acknowledged every message. */
  publish(topic: string, messages: BusMessage[]): Promise<void>;
  subscribe(options: ConsumerOptions): Promise<Consumer>;
  /**
   * Creates the topics that do not exist yet, with the adapter's configured partitions and
   * replication factor, and resolves once they can be produced to and consumed from.
   * Idempotent. A topic's owner calls it before publishing anything, so a consumer may
   * subscribe before the first message (publish and subscribe also create what they use).
   */
  ensureTopics(topics: readonly string[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Pino-compatible structured logger the adapters report to. */
export interface BusLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
