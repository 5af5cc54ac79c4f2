import { Kafka, Partitioners, type Admin, type Message, type Producer, type ProducerRecord } from 'kafkajs';
import type { BusLogger, BusMessage, Consumer, ConsumerOptions, MessageBus } from '../port';
import { backoffDelay, retryPolicy, sleep, type RetryPolicy } from '../retry';
import { encodeMessage } from './codec';
import { KAFKA_LOG_LEVEL, kafkaLogCreator } from './logging';
import { KAFKA_MAX_RETRY_TIME_MS, KafkaSubscription, type KafkaConsumerTuning } from './subscription';
import { TopicRegistry } from './topics';

export interface KafkaBusConfig {
  brokers: string[];
  client_id: string;
  logger?: BusLogger;
  /** Partitions of the topics this bus creates (default 3). */
  topic_partitions?: number;
  /** Replication factor of the topics this bus creates (default 1). */
  replication_factor?: number;
  /** Handler retries before dead-lettering. */
  retry?: Partial<RetryPolicy>;
  consumer?: KafkaConsumerTuning;
  /** Event ids each consumer remembers to skip immediate duplicates (default 10 000). */
  recent_event_ids?: number;
  /** kafkajs retries for admin and connection requests (default 8). */
  connection_retries?: number;
}

const silent: BusLogger = { info() {}, warn() {}, error() {} };

/** Pause between sends of a batch kafkajs gave up on (its own retries came first). */
const RESEND_POLICY: RetryPolicy = { max_attempts: Infinity, initial_delay_ms: 300, max_delay_ms: 5_000 };

/**
 * The bus on Kafka through kafkajs. kafkajs is unmaintained since 2023; it stays behind this
 * file and its neighbours so that swapping the client touches nothing else.
 */
export class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly topics: TopicRegistry;
  private readonly logger: BusLogger;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private connecting: Promise<void> | undefined;
  private closed = false;
  private readonly closing = new AbortController();

  constructor(private readonly config: KafkaBusConfig) {
    this.logger = config.logger ?? silent;
    this.kafka = new Kafka({
      brokers: config.brokers,
      clientId: config.client_id,
      retry: { retries: config.connection_retries ?? 8, maxRetryTime: KAFKA_MAX_RETRY_TIME_MS },
      logLevel: KAFKA_LOG_LEVEL,
      logCreator: kafkaLogCreator(this.logger),
    });
    // Unbounded retries (kafkajs' own default for idempotence) keep the producer's sequence
    // numbers valid: publish waits out a broker restart instead of failing.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: KAFKA_MAX_RETRY_TIME_MS },
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = this.kafka.admin();
    this.topics = new TopicRegistry(this.admin, {
      partitions: config.topic_partitions ?? 3,
      replication_factor: config.replication_factor ?? 1,
    });
  }

  async publish(topic: string, messages: BusMessage[]): Promise<void> {
    await this.publishRaw(topic, messages.map(encodeMessage));
  }

  async subscribe(options: ConsumerOptions): Promise<Consumer> {
    await this.ready();
    await this.topics.ensure(options.topics);
    const subscription = new KafkaSubscription(options, {
      kafka: this.kafka,
      logger: this.logger,
      policy: retryPolicy(this.config.retry, options.max_attempts),
      tuning: this.config.consumer ?? {},
      recent_ids_capacity: this.config.recent_event_ids ?? 10_000,
      publishRaw: (topic, messages) => this.publishRaw(topic, messages),
    });
    await subscription.start();
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Creates missing topics through the admin client (`waitForLeaders`); known ones are skipped. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    await this.ready();
    await this.topics.ensure(topics);
  }

  async ping(): Promise<void> {
    await this.ready();
    await this.admin.describeCluster();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.stop()));
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private async publishRaw(topic: string, messages: Message[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ready();
    await this.topics.ensure([topic]);
    // acks -1: every in-sync replica has the messages before publish resolves.
    await this.sendUntilAcknowledged({ topic, acks: -1, messages });
  }

  /**
   * The producer's retries are unbounded, but kafkajs gives a send up once a reconnect inside
   * them runs out of `connection_retries`. A send that failed for a retriable cause is sent
   * again until the bus closes, so publish waits out a broker outage. The idempotent producer
   * keeps its sequence numbers, so the broker acknowledges a batch it already has instead of
   * appending it twice.
   */
  private async sendUntilAcknowledged(record: ProducerRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.producer.send(record);
        return;
      } catch (error) {
        if (this.closed || !hasRetriableCause(error)) throw error;
        const delay_ms = backoffDelay(attempt, RESEND_POLICY);
        this.logger.warn({ topic: record.topic, err: error, attempt, delay_ms }, 'kafka publish failed, sending again');
        if (!(await sleep(delay_ms, this.closing.signal))) throw error;
      }
    }
  }

  /** Connects producer and admin once; a failed attempt is retried by the next call. */
  private async ready(): Promise<void> {
    if (this.closed) throw new Error('The message bus is closed');
    if (!this.connecting) {
      const connecting = Promise.all([this.producer.connect(), this.admin.connect()]).then(() => undefined);
      connecting.catch(() => {
        if (this.connecting === connecting) this.connecting = undefined;
      });
      this.connecting = connecting;
    }
    await this.connecting;
  }
}

/** kafkajs' own test for restarting a consumer: the innermost cause is retriable. */
function hasRetriableCause(error: unknown): boolean {
  let cause = error as { cause?: unknown; retriable?: boolean } | undefined;
  while (cause?.cause) cause = cause.cause as typeof cause;
  return cause?.retriable === true;
}

export function createKafkaBus(config: KafkaBusConfig): KafkaBus {
  return new KafkaBus(config);
}
