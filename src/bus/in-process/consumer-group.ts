import type { ConsumerOptions } from '../port';
import type { RetryPolicy } from '../retry';
import type { TopicLog } from './topic-log';

export interface Member {
  options: ConsumerOptions;
  policy: RetryPolicy;
  /** Aborts retry back-offs when the member stops. */
  abort: AbortController;
  in_flight: Set<Promise<unknown>>;
}

/**
 * Members of one group share its partitions (each partition has exactly one owner at a time);
 * committed offsets belong to the group, so a restarted member resumes where the group stopped.
 */
export class ConsumerGroup {
  private members: Member[] = [];
  private readonly committed = new Map<string, number>();
  /** Topics a member ever subscribed to: their messages wait for this group even while it has no member. */
  private readonly topics = new Set<string>();

  constructor(readonly id: string) {}

  join(member: Member, logs: TopicLog[]): void {
    for (const log of logs) {
      this.topics.add(log.name);
      for (let partition = 0; partition < log.partition_count; partition++) {
        const key = partitionKey(log.name, partition);
        if (!this.committed.has(key)) {
          this.committed.set(key, member.options.from_beginning ? log.first(partition) : log.end(partition));
        }
      }
    }
    this.members.push(member);
  }

  leave(member: Member): void {
    this.members = this.members.filter((candidate) => candidate !== member);
  }

  subscribes(topic: string): boolean {
    return this.members.some((member) => member.options.topics.includes(topic));
  }

  /** Whether this group consumes the topic, now or when a member comes back. */
  follows(topic: string): boolean {
    return this.topics.has(topic);
  }

  /** Round-robin over the members subscribed to the topic, in join order. */
  ownerOf(topic: string, partition: number): Member | undefined {
    const subscribers = this.members.filter((member) => member.options.topics.includes(topic));
    return subscribers.length === 0 ? undefined : subscribers[partition % subscribers.length];
  }

  /** The next offset to deliver. */
  position(topic: string, partition: number): number {
    return this.committed.get(partitionKey(topic, partition)) ?? 0;
  }

  commit(topic: string, partition: number, next_offset: number): void {
    this.committed.set(partitionKey(topic, partition), next_offset);
  }
}

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;
