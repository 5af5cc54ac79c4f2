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

/** An append-only topic split into partitions by key; offsets count per partition. */
export class TopicLog {
  private readonly partitions: StoredMessage[][];

  constructor(
    readonly name: string,
    partition_count: number,
  ) {
    this.partitions = Array.from({ length: partition_count }, () => []);
  }

  get partition_count(): number {
    return this.partitions.length;
  }

  append(message: BusMessage): void {
    const partition = this.partitions[hashKey(message.key) % this.partitions.length];
    const { key, value, headers } = copyMessage(message);
    partition.push({ key, value, headers, offset: partition.length });
  }

  at(partition: number, offset: number): StoredMessage | undefined {
    return this.partitions[partition][offset];
  }

  end(partition: number): number {
    return this.partitions[partition].length;
  }
}
