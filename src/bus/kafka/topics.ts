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

  /** createTopics resolves false when the topic already exists. */
  private async create(topic: string): Promise<void> {
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: this.spec.partitions, replicationFactor: this.spec.replication_factor }],
    });
  }
}
