import { EventEmitter } from 'node:events';

/**
 * How far a subscriber (a projection, the relay) has got in the event store's global order,
 * and a way to wait until it passes a position (read-your-writes, tests).
 */
export class PositionTracker {
  private position = '';
  private readonly progress = new EventEmitter();

  constructor(private readonly label: string) {
    this.progress.setMaxListeners(0);
  }

  get current(): string {
    return this.position;
  }

  /** Moves forward only; an older position is ignored. */
  advance(position: string): void {
    if (position <= this.position) return;
    this.position = position;
    this.progress.emit('progress');
  }

  waitFor(position: string, timeout_ms: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onProgress = () => {
        if (this.position < position) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.label} did not reach ${position} within ${timeout_ms} ms (at ${this.position})`));
      }, timeout_ms);
      timer.unref(); // a wait alone does not keep a stopping process alive
      const cleanup = () => {
        clearTimeout(timer);
        this.progress.off('progress', onProgress);
      };
      this.progress.on('progress', onProgress);
    });
  }
}
