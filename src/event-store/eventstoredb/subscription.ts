import { AllStreamSubscription, EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import { SubscribeToAllOptions, Subscription } from '../port';
import { isUserEvent, toRecordedEvent } from './mapping';
import { decodePosition, encodePosition } from './position';

/**
 * A catch-up subscription to `$all` without system events, handing events over one at a time.
 * It turns live on whichever comes first: the server's `caughtUp` (ESDB 23.10+), once the
 * events buffered before it are handled, or handling the head position read at subscribe time.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private readonly stream: AllStreamSubscription;
  private readonly after: string;
  private stopped = false;
  private live = false;
  private taken = 0;
  private handled = 0;
  private lastHandled = '';
  private liveAfterHandled: number | null = null;
  private head: string | null = null;
  private readonly types: ReadonlySet<string> | null;

  constructor(
    client: EventStoreDBClient,
    private readonly options: SubscribeToAllOptions,
    readHead: () => Promise<string>,
    private readonly onEnd: (subscription: EsdbCatchUpSubscription) => void,
  ) {
    this.after = options.after_position ?? '';
    this.types = options.event_types ? new Set(options.event_types) : null;
    this.stream = client.subscribeToAll({
      fromPosition: this.after ? decodePosition(this.after) : START,
      filter: excludeSystemEvents(),
    });
    this.stream.on('error', () => undefined); // handled by the loop; never an uncaught 'error' event
    this.stream.on('caughtUp', () => {
      this.liveAfterHandled ??= this.taken + this.stream.readableLength;
      this.checkLive();
    });
    readHead().then(
      (head) => {
        this.head = head;
        this.checkLive();
      },
      (error: unknown) => this.drop(error),
    );
    void this.run();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.close();
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.stream) {
        if (this.stopped) return;
        this.taken++;
        const position = resolved.event?.position ? encodePosition(resolved.event.position) : '';
        if (isUserEvent(resolved) && position > this.after) {
          // Filtered here rather than by the server, so that every position still comes by.
          if (!this.types || this.types.has(resolved.event?.type ?? '')) await this.options.on_event(toRecordedEvent(resolved));
          else this.options.on_checkpoint?.(position);
        }
        if (this.stopped) return;
        this.handled++;
        if (position) this.lastHandled = position;
        this.checkLive();
      }
      this.drop(new Error('The EventStoreDB subscription ended'));
    } catch (error) {
      this.drop(error);
    }
  }

  private checkLive(): void {
    if (this.live || this.stopped || this.taken !== this.handled) return;
    const caughtUp = this.liveAfterHandled !== null && this.handled >= this.liveAfterHandled;
    const pastHead = this.head !== null && (this.head <= this.after || this.lastHandled >= this.head);
    if (!caughtUp && !pastHead) return;
    this.live = true;
    try {
      this.options.on_live?.();
    } catch (error) {
      this.drop(error);
    }
  }

  private drop(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.close();
    this.options.on_drop?.(error instanceof Error ? error : new Error(String(error)));
  }

  private async close(): Promise<void> {
    this.onEnd(this);
    await this.stream.unsubscribe().catch(() => undefined);
    this.stream.destroy();
  }
}
