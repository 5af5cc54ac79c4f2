import { Logger } from './logger';

/** Work a process runs beside serving requests: projectors, the relay, sweepers, start-up loads. */
export interface BackgroundTask {
  name: string;
  /** Resolves once the task is running (or, for a one-off, done). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * For a task that goes on preparing after `start` resolved (the catalogue load waiting for its
   * read model): false until it is done. Readiness (`GET /health/ready`) waits for it.
   */
  ready?(): boolean;
}

/**
 * The process's background tasks, started in the order given and stopped in reverse, so a
 * task may rely on those before it (the catalogue load waits for the jobs projector). A task
 * that fails to start stops the ones already started and fails start-up.
 */
export class BackgroundTasks {
  private readonly started: BackgroundTask[] = [];

  constructor(
    private readonly tasks: readonly BackgroundTask[],
    private readonly logger: Logger,
  ) {}

  get names(): string[] {
    return this.tasks.map((task) => task.name);
  }

  /** Started tasks that are still preparing. */
  pending(): string[] {
    return this.started.filter((task) => task.ready && !task.ready()).map((task) => task.name);
  }

  async start(): Promise<void> {
    for (const task of this.tasks) {
      try {
        await task.start();
      } catch (error) {
        this.logger.error({ task: task.name, err: (error as Error).message }, 'background task failed to start');
        await this.stop();
        throw error;
      }
      this.started.push(task);
    }
  }

  async stop(): Promise<void> {
    for (const task of this.started.splice(0).reverse()) {
      try {
        await task.stop();
      } catch (error) {
        this.logger.warn({ task: task.name, err: (error as Error).message }, 'background task failed to stop cleanly');
      }
    }
  }
}
