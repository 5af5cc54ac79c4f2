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

const TIMEOUT_MS = 5000;
const POLL_MS = 5;

/**
 * Uses the in-process runner when this process runs the projection, and otherwise polls the
 * checkpoint that the projector process stores in the shared read store.
 */
export class ReadYourWritesWaiter implements ProjectionWaiter {
  private readonly runners: Map<string, LocalProjector>;
  private readonly checkpoints: CheckpointStore;

  constructor(runners: readonly LocalProjector[], readStore: ReadStore) {
    this.runners = new Map(runners.map((r) => [r.name, r]));
    this.checkpoints = new CheckpointStore(readStore);
  }

  async waitFor(projection: string, position: string): Promise<void> {
    const runner = this.runners.get(projection);
    if (runner) return runner.waitFor(position, TIMEOUT_MS);
    const deadline = Date.now() + TIMEOUT_MS;
    while ((await this.checkpoints.load(projection)) < position) {
      if (Date.now() > deadline) throw new Error(`Projection ${projection} did not reach ${position} within ${TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
