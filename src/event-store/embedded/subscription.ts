import { RecordedEvent, SubscribeToAllOptions, Subscription } from '../port';
import { EventIndex } from './event-index';

/** Lets timers and I/O run during a long catch-up instead of starving them. */
const YIELD_EVERY_EVENTS = 500;
/**
 * Catch-up reads batches that end on multiples of this, so subscriptions catching up side by
 * side ask the reader for the same records and each is decoded once.
 */
const BATCH_EVENTS = 512;

/** Reads the events with global indexes `[from, to)`. */
export type ReadRange = (from: number, to: number) => Promise<RecordedEvent[]>;

/** Catch-up from the log through the index, then live: one event at a time, in global order. */
export class CatchUpSubscription implements Subscription {
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly unlisten: () => void;

  constructor(
    private readonly index: EventIndex,
    private readonly read: ReadRange,
    private readonly options: SubscribeToAllOptions,
    private readonly onEnd: (subscription: CatchUpSubscription) => void,
  ) {
    this.unlisten = index.onAdd(() => this.wakeUp());
    void this.run();
  }

  async stop(): Promise<void> {
    this.end();
  }

  private async run(): Promise<void> {
    await Promise.resolve(); // never deliver inside subscribeToAll() itself
    let next = this.index.indexAfter(this.options.after_position ?? '');
    let live = false;
    let sinceYield = 0;
    try {
      while (!this.stopped) {
        if (next < this.index.length) {
          const batch = await this.read(next, Math.min(this.index.length, (Math.floor(next / BATCH_EVENTS) + 1) * BATCH_EVENTS));
          for (const event of batch) {
            if (this.stopped) return;
            await this.options.on_event(event);
            next++;
            if (++sinceYield >= YIELD_EVERY_EVENTS) {
              sinceYield = 0;
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
        } else if (!live) {
          live = true;
          this.options.on_live?.();
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } catch (error) {
      if (this.stopped) return;
      this.end();
      this.options.on_drop?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private end(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unlisten();
    this.wakeUp();
    this.onEnd(this);
  }
}
