/**
 * Group commit: appends that arrive while a write + fsync is in flight are batched into the next
 * one, so many concurrent appenders share one fsync. Writes happen in enqueue order. After a
 * failed write the file state is unknown, so the queue fails every pending and later append
 * (fail-stop); reopening the store repairs the log.
 */
interface PendingWrite {
  bytes: Buffer;
  onDurable: () => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export class CommitQueue {
  private queue: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly write: (bytes: Buffer) => Promise<void>) {}

  get failed(): Error | null {
    return this.failure;
  }

  /** Resolves once `bytes` are durable and `onDurable` has run (in enqueue order). */
  enqueue(bytes: Buffer, onDurable: () => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, onDurable, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves when nothing is queued or being written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.takeBatch();
      try {
        await this.write(batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((pending) => pending.bytes)));
        for (const pending of batch) pending.onDurable();
      } catch (error) {
        this.failure = new Error(`The event log write failed; reopen the store to recover: ${(error as Error).message}`, { cause: error });
        for (const pending of [...batch, ...this.queue.splice(0)]) pending.reject(this.failure);
        break;
      }
      for (const pending of batch) pending.resolve();
    }
    this.flushing = null;
  }

  private takeBatch(): PendingWrite[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count]!.bytes.length <= MAX_BATCH_BYTES)) {
      bytes += this.queue[count]!.bytes.length;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
