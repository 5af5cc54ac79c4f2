import { ReadStore } from './port';
import { CheckpointStore } from './checkpoints';

/** Something in this process that applies a read model and can say when it has passed a position. */
export interface LocalProjector {
  readonly name: string;
  waitFor(position: string, timeout_ms: number): Promise<void>;
}

/** Read-your-writes: a write waits until the read model it affects has seen its event. */
export interface ProjectionWaiter {
  waitFor(projection: string, position: string): Promise<void>;
}

/** The read model did not reach the write's position in time; the write itself is stored. */
export class ReadModelLagError extends Error {
  constructor(
    readonly read_model: string,
    readonly position: string,
    timeout_ms: number,
  ) {
    super(`Read model ${read_model} did not reach ${position} within ${timeout_ms} ms`);
    this.name = 'ReadModelLagError';
  }
}

export const DEFAULT_WAIT_MS = 5000;
const POLL_MS = 5;

/**
 * Uses the in-process projector when this process runs the read model, and otherwise polls the
 * checkpoint that the projector process stores in the shared read store. Either way a wait
 * that outlasts `timeout_ms` ends in ReadModelLagError.
 */
export class ReadYourWritesWaiter implements ProjectionWaiter {
  private readonly runners: Map<string, LocalProjector>;
  private readonly checkpoints: CheckpointStore;

  constructor(
    runners: readonly LocalProjector[],
    readStore: ReadStore,
    private readonly timeout_ms = DEFAULT_WAIT_MS,
  ) {
    this.runners = new Map(runners.map((r) => [r.name, r]));
    this.checkpoints = new CheckpointStore(readStore);
  }

  async waitFor(projection: string, position: string): Promise<void> {
    const runner = this.runners.get(projection);
    if (runner) {
      return runner.waitFor(position, this.timeout_ms).catch(() => {
        throw new ReadModelLagError(projection, position, this.timeout_ms);
      });
    }
    const deadline = Date.now() + this.timeout_ms;
    while ((await this.checkpoints.load(projection)) < position) {
      if (Date.now() > deadline) throw new ReadModelLagError(projection, position, this.timeout_ms);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
