import type { BusMessage } from '../port';

export interface StoredMessage extends BusMessage {
  offset: number;
}

/** FNV-1a: a stable key hash, so one key always lands in the same partition. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Copies a message the way a broker round trip would: values and headers as JSON. */
export function copyMessage<T extends BusMessage>(message: T): T {
  return JSON.parse(JSON.stringify(message)) as T;
}

/** One partition's retained messages: offsets `first` to `end - 1`. */
class Partition {
  private messages: StoredMessage[] = [];
  private head = 0;
  first = 0;

  get end(): number {
    return this.first + this.messages.length - this.head;
  }

  get size(): number {
    return this.messages.length - this.head;
  }

  push(message: BusMessage): void {
    this.messages.push({ ...message, offset: this.end });
  }

  at(offset: number): StoredMessage | undefined {
    return offset < this.first ? undefined : this.messages[this.head + offset - this.first];
  }

  dropFirst(): StoredMessage | undefined {
    const dropped = this.messages[this.head];
    if (!dropped) return undefined;
    this.head++;
    this.first++;
    if (this.head > 1024 && this.head * 2 > this.messages.length) {
      this.messages = this.messages.slice(this.head);
      this.head = 0;
    }
    return dropped;
  }
}

/**
 * A topic split into partitions by key; offsets count per partition. Like a broker's retention,
 * only a window of recent messages is kept: the bus drops the oldest (`dropFirst`) once every
 * consumer group is past them.
 */
export class TopicLog {
  private readonly partitions: Partition[];

  constructor(
    readonly name: string,
    partition_count: number,
  ) {
    this.partitions = Array.from({ length: partition_count }, () => new Partition());
  }

  get partition_count(): number {
    return this.partitions.length;
  }

  /** Appends a copy and says which partition it went to. */
  append(message: BusMessage): number {
    const index = hashKey(message.key) % this.partitions.length;
    const { key, value, headers } = copyMessage(message);
    this.partitions[index].push({ key, value, headers });
    return index;
  }

  at(partition: number, offset: number): StoredMessage | undefined {
    return this.partitions[partition].at(offset);
  }

  /** The oldest offset still retained. */
  first(partition: number): number {
    return this.partitions[partition].first;
  }

  end(partition: number): number {
    return this.partitions[partition].end;
  }

  size(partition: number): number {
    return this.partitions[partition].size;
  }

  dropFirst(partition: number): StoredMessage | undefined {
    return this.partitions[partition].dropFirst();
  }
}
