import { RecordedEvent, SubscribeToAllOptions, Subscription } from '../port';
import { EventIndex } from './event-index';
import { formatPosition } from './position';

/** Lets timers and I/O run during a long catch-up instead of starving them. */
const YIELD_EVERY_EVENTS = 500;
/**
 * Catch-up reads batches that end on multiples of this, so subscriptions catching up side by
 * side ask the reader for the same records and each is decoded once.
 */
const BATCH_EVENTS = 512;
/** Most events the index is searched over for one of `event_types` in one step. */
const MAX_PASS_EVENTS = 65_536;

/** Reads the events with global indexes `[from, to)`. */
export type ReadRange = (from: number, to: number) => Promise<RecordedEvent[]>;

/**
 * Catch-up from the log through the index, then live: one event at a time, in global order.
 * With `event_types`, runs of events the index knows to be of other types are passed over
 * without reading them (a projection rebuilt alone never decodes the events it does not take).
 */
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
    const types = this.options.event_types ? new Set(this.options.event_types) : null;
    let next = this.index.indexAfter(this.options.after_position ?? '');
    let live = false;
    let sinceYield = 0;
    const pause = async (events: number) => {
      sinceYield += events;
      if (sinceYield < YIELD_EVERY_EVENTS) return;
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      while (!this.stopped) {
        if (next < this.index.length) {
          if (types) {
            const wanted = this.index.firstOfTypes(next, Math.min(this.index.length, next + MAX_PASS_EVENTS), types);
            if (wanted > next) {
              // Global index i holds the event at position i + 1: this is the last one passed over.
              this.options.on_checkpoint?.(formatPosition(wanted));
              const passed = wanted - next;
              next = wanted;
              await pause(1 + Math.floor(passed / 64));
              continue;
            }
          }
          const end = Math.min(this.index.length, (Math.floor(next / BATCH_EVENTS) + 1) * BATCH_EVENTS);
          // With types, only the run that may hold some of them is read.
          const batch = await this.read(next, types ? this.index.firstNotOfTypes(next, end, types) : end);
          let passed: string | null = null;
          for (const event of batch) {
            if (this.stopped) return;
            next++;
            if (types && !types.has(event.type)) {
              passed = event.position;
              continue;
            }
            passed = null;
            const handled = this.options.on_event(event);
            if (handled) await handled;
            await pause(1);
          }
          if (passed && !this.stopped) this.options.on_checkpoint?.(passed);
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
