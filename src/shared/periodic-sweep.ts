/**
 * A sweep run once at start and then every `interval_ms` (the timer never keeps the process
 * alive), never two at a time: a call while one runs joins it. `stop` waits for the running one.
 * The job expiry and document retention sweepers share it.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  /** `once` never throws (it logs its own failures) and answers how many things it changed. */
  constructor(private readonly once: () => Promise<number>) {}

  start(interval_ms: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), interval_ms);
    this.timer.unref();
    void this.sweep();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  sweep(): Promise<number> {
    this.running ??= this.once().finally(() => (this.running = null));
    return this.running;
  }
}
