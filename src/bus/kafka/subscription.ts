import type { Consumer as KafkaConsumer, ConsumerCrashEvent, EachMessagePayload, Kafka, KafkaMessage, Message } from 'kafkajs';
import { BUS_HEADERS, type BusLogger, type ConsumedMessage, type Consumer, type ConsumerOptions } from '../port';
import {
  backoffDelay,
  deadLetterHeaders,
  countDeadLetter,
  deadLetterTopic,
  deliverWithRetry,
  type MessageOrigin,
  type RetryPolicy,
} from '../retry';
import { decodeMessage, MessageDecodeError } from './codec';
import { RecentIds } from './recent-ids';

export interface KafkaConsumerTuning {
  session_timeout_ms?: number;
  heartbeat_interval_ms?: number;
  rebalance_timeout_ms?: number;
  /** How long a fetch waits for data; subscribe waits for the first fetch. */
  max_wait_time_ms?: number;
  /** kafkajs retries for broker requests before the consumer crashes and restarts. */
  retries?: number;
  /** Upper bound on how long subscribe waits for the consumer to be positioned. */
  ready_timeout_ms?: number;
}

export interface SubscriptionDeps {
  kafka: Kafka;
  logger: BusLogger;
  policy: RetryPolicy;
  tuning: KafkaConsumerTuning;
  recent_ids_capacity: number;
  /** Publishes already-encoded messages (dead letters keep their original bytes). */
  publishRaw: (topic: string, messages: Message[]) => Promise<void>;
}

/** kafkajs backs off up to 30 s by default; capped lower, clients notice a restarted broker sooner. */
export const KAFKA_MAX_RETRY_TIME_MS = 10_000;

/** Back-off for recreating a consumer that crashed with an error kafkajs won't restart on. */
const RECREATE_POLICY: RetryPolicy = { max_attempts: Infinity, initial_delay_ms: 1_000, max_delay_ms: 30_000 };

/**
 * One kafkajs consumer per subscription. Offsets are committed one message at a time, only once
 * the handler succeeded or the message was dead-lettered, so a crash redelivers, never skips.
 */
export class KafkaSubscription implements Consumer {
  private consumer: KafkaConsumer | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private restart_timer: NodeJS.Timeout | undefined;
  private restart_attempt = 0;
  private readonly abort = new AbortController();
  private readonly in_flight = new Set<Promise<void>>();
  private readonly recent: RecentIds;

  constructor(
    private readonly options: ConsumerOptions,
    private readonly deps: SubscriptionDeps,
  ) {
    this.recent = new RecentIds(deps.recent_ids_capacity);
  }

  /** Resolves once the group is joined and the consumer positioned on its partitions. */
  start(): Promise<void> {
    this.starting = this.startConsumer();
    return this.starting;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.restart_timer);
    await this.starting?.catch(() => undefined);
    await Promise.allSettled([...this.in_flight]);
    await this.consumer?.disconnect().catch((error) => this.deps.logger.warn({ err: error, ...this.where() }, 'kafka consumer disconnect failed'));
  }

  private createConsumer(): KafkaConsumer {
    const { tuning } = this.deps;
    const consumer = this.deps.kafka.consumer({
      groupId: this.options.group_id,
      sessionTimeout: tuning.session_timeout_ms,
      heartbeatInterval: tuning.heartbeat_interval_ms,
      rebalanceTimeout: tuning.rebalance_timeout_ms,
      maxWaitTimeInMs: tuning.max_wait_time_ms,
      allowAutoTopicCreation: false,
      retry: {
        retries: tuning.retries ?? 10,
        maxRetryTime: KAFKA_MAX_RETRY_TIME_MS,
        // A crash can land after stop(): while kafkajs reconnects, its disconnect returns
        // early and the reconnect crashes later. Restarting then would revive a stopped
        // member that holds partitions but skips their messages.
        restartOnFailure: async () => !this.abort.signal.aborted,
      },
    });
    consumer.on(consumer.events.CRASH, (event) => this.onCrash(consumer, event));
    return consumer;
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.createConsumer();
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.from_beginning ?? false });
      const ready = this.firstFetch(consumer);
      await consumer.run({ autoCommit: false, eachMessage: (payload) => this.track(this.process(consumer, payload)) });
      if (await ready) this.restart_attempt = 0;
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /**
   * The first fetch comes after the starting offsets are resolved (latest ones included).
   * Resolves true then, false on a crash, a stop or the ready timeout.
   */
  private firstFetch(consumer: KafkaConsumer): Promise<boolean> {
    const timeout_ms = this.deps.tuning.ready_timeout_ms ?? 30_000;
    return new Promise((resolve) => {
      const done = (fetched: boolean) => {
        clearTimeout(timer);
        removeFetch();
        removeCrash();
        this.abort.signal.removeEventListener('abort', onStop);
        resolve(fetched);
      };
      const onStop = () => done(false);
      const removeFetch = consumer.on(consumer.events.FETCH, () => done(true));
      const removeCrash = consumer.on(consumer.events.CRASH, () => done(false));
      this.abort.signal.addEventListener('abort', onStop);
      const timer = setTimeout(() => {
        this.deps.logger.warn({ ...this.where(), timeout_ms }, 'kafka consumer not positioned yet, continuing');
        done(false);
      }, timeout_ms);
    });
  }

  private track(processing: Promise<void>): Promise<void> {
    this.in_flight.add(processing);
    const forget = () => this.in_flight.delete(processing);
    processing.then(forget, forget);
    return processing;
  }

  private async process(consumer: KafkaConsumer, { topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    // Stopping: leave the message uncommitted so the group's next member gets it.
    if (this.abort.signal.aborted) return;
    const origin: MessageOrigin = { topic, partition, offset: message.offset };
    let consumed: ConsumedMessage;
    try {
      consumed = decodeMessage(topic, partition, message);
    } catch (error) {
      if (!(error instanceof MessageDecodeError)) throw error;
      await this.deadLetter(message, origin, error, 0);
      return this.commit(consumer, origin);
    }

    const event_id = consumed.headers[BUS_HEADERS.event_id];
    if (event_id && this.recent.has(event_id)) {
      this.deps.logger.info({ ...this.where(origin), event_id }, 'bus duplicate skipped');
      return this.commit(consumer, origin);
    }

    const outcome = await deliverWithRetry(() => this.options.handler(consumed, { heartbeat }), this.deps.policy, {
      signal: this.abort.signal,
      topic,
      beforeRetry: async (error, attempt, delay_ms) => {
        this.deps.logger.warn({ ...this.where(origin), err: error, attempt, delay_ms }, 'bus handler failed, retrying');
        // Throws while the group rebalances: the message is then redelivered to its new owner.
        await heartbeat();
      },
    });
    if (outcome.status === 'stopped') return;
    if (outcome.status === 'failed') await this.deadLetter(message, origin, outcome.error, outcome.attempts);
    else if (event_id) this.recent.add(event_id);
    await this.commit(consumer, origin);
  }

  private async deadLetter(message: KafkaMessage, origin: MessageOrigin, error: unknown, attempts: number): Promise<void> {
    const dead_letter_topic = deadLetterTopic(origin.topic);
    const headers = { ...message.headers, ...deadLetterHeaders(origin, error, attempts) };
    await this.deps.publishRaw(dead_letter_topic, [{ key: message.key, value: message.value, headers }]);
    countDeadLetter(origin.topic);
    this.deps.logger.error({ ...this.where(origin), err: error, attempts, dead_letter_topic }, 'bus message dead-lettered');
  }

  /** Kafka's committed offset is the next one to read. */
  private async commit(consumer: KafkaConsumer, { topic, partition, offset }: MessageOrigin): Promise<void> {
    await consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);
  }

  /** kafkajs restarts after retriable crashes itself; anything else we recreate with back-off. */
  private onCrash(consumer: KafkaConsumer, { payload }: ConsumerCrashEvent): void {
    if (this.abort.signal.aborted || consumer !== this.consumer) return;
    if (payload.restart) {
      this.deps.logger.warn({ ...this.where(), err: payload.error }, 'kafka consumer crashed, kafkajs restarts it');
      return;
    }
    this.scheduleRecreate(payload.error);
  }

  private scheduleRecreate(error: unknown): void {
    const delay_ms = backoffDelay(++this.restart_attempt, RECREATE_POLICY);
    this.deps.logger.error({ ...this.where(), err: error, delay_ms }, 'kafka consumer crashed, recreating it');
    this.restart_timer = setTimeout(() => void this.recreate(), delay_ms);
  }

  private async recreate(): Promise<void> {
    if (this.abort.signal.aborted) return;
    await this.consumer?.disconnect().catch(() => undefined);
    this.starting = this.startConsumer();
    await this.starting.catch((error) => {
      if (!this.abort.signal.aborted) this.scheduleRecreate(error);
    });
  }

  private where(origin?: MessageOrigin) {
    return { group_id: this.options.group_id, topics: this.options.topics, ...origin };
  }
}
