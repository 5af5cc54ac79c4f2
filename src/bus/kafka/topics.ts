import type { Admin } from 'kafkajs';

export interface TopicSpec {
  partitions: number;
  replication_factor: number;
}

/**
 * Creates topics explicitly (partition count and replication are ours to choose, not the
 * broker's auto-create defaults), once per topic per process. An existing topic is left as it
 * is, whatever its partitions.
 */
export class TopicRegistry {
  private readonly known = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: Admin,
    private readonly spec: TopicSpec,
  ) {}

  async ensure(topics: readonly string[]): Promise<void> {
    await Promise.all([...new Set(topics)].map((topic) => this.ensureOne(topic)));
  }

  private ensureOne(topic: string): Promise<void> {
    let created = this.known.get(topic);
    if (!created) {
      created = this.create(topic);
      this.known.set(topic, created);
      created.catch(() => this.known.delete(topic));
    }
    return created;
  }

  /**
   * createTopics resolves false when the topic already exists. kafkajs' own `waitForLeaders`
   * gives up when the broker does not know a just-created topic yet ("This server does not host
   * this topic-partition"), so readiness is polled here until every partition has a leader.
   */
  private async create(topic: string): Promise<void> {
    await this.admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic, numPartitions: this.spec.partitions, replicationFactor: this.spec.replication_factor }],
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      const ready = await this.hasLeaders(topic).catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`Kafka topic ${topic} has no leader for every partition after ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async hasLeaders(topic: string): Promise<boolean> {
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = topics.find((t) => t.name === topic)?.partitions ?? [];
    return partitions.length > 0 && partitions.every((p) => p.leader >= 0);
  }
}

const READY_TIMEOUT_MS = 30_000;
