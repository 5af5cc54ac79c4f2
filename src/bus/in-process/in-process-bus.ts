import type { BusLogger, BusMessage, ConsumedMessage, Consumer, ConsumerOptions, Delivery, MessageBus } from '../port';
import { countDeadLetter, deadLetterHeaders, deadLetterTopic, deliverWithRetry, retryPolicy, type RetryPolicy } from '../retry';
import { ConsumerGroup, type Member } from './consumer-group';
import { copyMessage, TopicLog } from './topic-log';

export interface InProcessBusConfig {
  /** Partitions per topic (default 3). */
  partitions?: number;
  retry?: Partial<RetryPolicy>;
  logger?: BusLogger;
  /**
   * Messages kept per partition (default 1,000). Older ones are dropped once every consumer
   * group is past them; a publish waits while a subscribed group is further behind than this.
   */
  window?: number;
}

/** Header the relay sets on every message: the event's position in the event store. */
const SOURCE_POSITION = 'source_position';

const silent: BusLogger = { info() {}, warn() {}, error() {} };

/** In one process there is no session to keep alive. */
const IN_PROCESS_DELIVERY: Delivery = { heartbeat: async () => undefined };

/**
 * The embedded bus: Kafka's delivery semantics in memory (per-key order, consumer groups,
 * offsets committed after success, retry then `<topic>.dlq`), so the app runs with no servers.
 */
export class InProcessBus implements MessageBus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly draining = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  private readonly logger: BusLogger;
  private readonly window: number;
  /** Publishers waiting for a slow group to make room. */
  private waiting: Array<{ ready: () => boolean; resolve: () => void }> = [];
  /** Lowest source position of a message dropped before a group without members had it. */
  private dropped_undelivered: string | null = null;
  /** The best resume position found so far: every message up to it was delivered everywhere. */
  private safe_resume: string | null = null;
  private closed = false;

  constructor(private readonly config: InProcessBusConfig = {}) {
    this.logger = config.logger ?? silent;
    this.window = Math.max(1, config.window ?? 1_000);
  }

  /** Resolves once the messages are stored and no subscribed group is more than the window behind. */
  async publish(topic: string, messages: BusMessage[]): Promise<void> {
    this.assertOpen();
    const log = this.append(topic, messages);
    const full = () => Array.from({ length: log.partition_count }, (_, partition) => this.trim(log, partition)).some((size) => size > this.window);
    if (!full()) return;
    await new Promise<void>((resolve) => this.waiting.push({ ready: () => this.closed || !full(), resolve }));
    this.assertOpen();
  }

  /**
   * Where a publisher that has published up to `published` may resume after a restart without
   * any group missing a message: `published` itself when every group has every message, else
   * the latest source position before the oldest message some group still lacks (null: none is
   * known). The relay's durable checkpoint goes through this in embedded mode.
   */
  resumePosition(published: string): string | null {
    let floor = this.dropped_undelivered;
    const followed = [...this.topics.values()].filter((log) => [...this.groups.values()].some((group) => group.follows(log.name)));
    for (const log of followed) {
      for (let partition = 0; partition < log.partition_count; partition++) {
        const behind = Math.min(...[...this.groups.values()].filter((group) => group.follows(log.name)).map((group) => group.position(log.name, partition)));
        for (let offset = Math.max(behind, log.first(partition)); offset < log.end(partition); offset++) {
          const position = log.at(partition, offset)?.headers[SOURCE_POSITION];
          if (position !== undefined && (floor === null || position < floor)) floor = position;
        }
      }
    }
    if (floor === null) return published;
    let best: string | null = null;
    for (const log of followed) {
      for (let partition = 0; partition < log.partition_count; partition++) {
        for (let offset = log.first(partition); offset < log.end(partition); offset++) {
          const position = log.at(partition, offset)?.headers[SOURCE_POSITION];
          if (position !== undefined && position < floor && (best === null || position > best)) best = position;
        }
      }
    }
    if (best !== null && (this.safe_resume === null || best > this.safe_resume)) this.safe_resume = best;
    return this.safe_resume;
  }

  async subscribe(options: ConsumerOptions): Promise<Consumer> {
    this.assertOpen();
    const group = this.groups.get(options.group_id) ?? new ConsumerGroup(options.group_id);
    this.groups.set(group.id, group);
    const member: Member = {
      options,
      policy: retryPolicy(this.config.retry, options.max_attempts),
      abort: new AbortController(),
      in_flight: new Set(),
    };
    group.join(member, options.topics.map((topic) => this.log(topic)));
    this.scheduleDelivery(options.topics);
    const consumer: Consumer = { stop: () => this.leave(group, member, consumer) };
    this.consumers.add(consumer);
    return consumer;
  }

  /** Registers the topics' logs with the configured partitions; existing ones stay as they are. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    this.assertOpen();
    for (const topic of topics) this.log(topic);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakePublishers();
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The message bus is closed');
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (!log) {
      log = new TopicLog(topic, this.config.partitions ?? 3);
      this.topics.set(topic, log);
    }
    return log;
  }

  private append(topic: string, messages: BusMessage[]): TopicLog {
    const log = this.log(topic);
    for (const message of messages) log.append(message);
    this.scheduleDelivery([topic]);
    return log;
  }

  /**
   * Drops the partition's oldest messages beyond the window that every group has had; a group
   * without members (stopped) does not hold them, but the lowest source position it missed is
   * remembered for `resumePosition`. Returns the partition's size after.
   */
  private trim(log: TopicLog, partition: number): number {
    const followers = [...this.groups.values()].filter((group) => group.follows(log.name));
    while (log.size(partition) > this.window) {
      const offset = log.first(partition);
      const lacking = followers.filter((group) => group.position(log.name, partition) <= offset);
      if (lacking.some((group) => group.subscribes(log.name))) break;
      const dropped = log.dropFirst(partition);
      const position = dropped?.headers[SOURCE_POSITION];
      if (lacking.length > 0 && position !== undefined && (this.dropped_undelivered === null || position < this.dropped_undelivered)) {
        this.dropped_undelivered = position;
      }
    }
    return log.size(partition);
  }

  private wakePublishers(): void {
    const ready = this.waiting.filter((waiter) => waiter.ready());
    if (ready.length === 0) return;
    this.waiting = this.waiting.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  private async leave(group: ConsumerGroup, member: Member, consumer: Consumer): Promise<void> {
    this.consumers.delete(consumer);
    group.leave(member);
    member.abort.abort();
    await Promise.allSettled([...member.in_flight]);
    this.wakePublishers();
    this.scheduleDelivery(member.options.topics);
  }

  /** Never inside publish: a handler that publishes must not be re-entered. */
  private scheduleDelivery(topics: string[]): void {
    setImmediate(() => {
      for (const topic of topics) {
        const log = this.log(topic);
        for (const group of this.groups.values()) {
          if (!group.subscribes(topic)) continue;
          for (let partition = 0; partition < log.partition_count; partition++) {
            void this.drain(group, log, partition);
          }
        }
      }
    });
  }

  /** One loop per group and partition keeps the partition's order. */
  private async drain(group: ConsumerGroup, log: TopicLog, partition: number): Promise<void> {
    const key = `${group.id}\u0000${log.name}\u0000${partition}`;
    if (this.draining.has(key)) return;
    this.draining.add(key);
    try {
      for (;;) {
        const member = group.ownerOf(log.name, partition);
        // A group that had no member while its messages left the window resumes at the oldest kept.
        const offset = Math.max(group.position(log.name, partition), log.first(partition));
        const stored = log.at(partition, offset);
        if (!member || !stored) return;
        const delivery = this.deliver(member, { ...stored, topic: log.name, partition, offset: String(offset) });
        member.in_flight.add(delivery);
        const done = await delivery.finally(() => member.in_flight.delete(delivery));
        if (done) {
          group.commit(log.name, partition, offset + 1);
          this.wakePublishers();
        }
      }
    } catch (error) {
      this.logger.error({ err: error, group_id: group.id, topic: log.name, partition }, 'bus delivery stopped');
    } finally {
      this.draining.delete(key);
    }
  }

  /** Resolves true when the message is done with: handled or dead-lettered. */
  private async deliver(member: Member, message: ConsumedMessage): Promise<boolean> {
    const { handler, group_id } = member.options;
    const where = { group_id, topic: message.topic, partition: message.partition, offset: message.offset };
    const outcome = await deliverWithRetry(async () => handler(copyMessage(message), IN_PROCESS_DELIVERY), member.policy, {
      signal: member.abort.signal,
      topic: message.topic,
      beforeRetry: (error, attempt, delay_ms) =>
        this.logger.warn({ ...where, err: error, attempt, delay_ms }, 'bus handler failed, retrying'),
    });
    if (outcome.status === 'stopped') return false;
    if (outcome.status === 'failed') {
      const dead_letter_topic = deadLetterTopic(message.topic);
      const headers = { ...message.headers, ...deadLetterHeaders(message, outcome.error, outcome.attempts) };
      this.append(dead_letter_topic, [{ key: message.key, value: message.value, headers }]);
      countDeadLetter(message.topic);
      this.logger.error({ ...where, err: outcome.error, dead_letter_topic }, 'bus message dead-lettered');
    }
    return true;
  }
}

export function createInProcessBus(config: InProcessBusConfig = {}): InProcessBus {
  return new InProcessBus(config);
}
