import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ReadStore } from '../read-store/port';
import { LocalProjector } from '../read-store/read-your-writes';
import { BackgroundTask } from '../shared/background-tasks';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { loadStaticCatalogue } from './catalogue/catalogue';
import { syncCatalogue } from './catalogue-sync';
import { ExpirySweeper } from './expiry-sweeper';

export interface JobTaskDeps {
  commands: CommandHandler;
  readStore: ReadStore;
  clock: Clock;
  logger: Logger;
  /** The projectors this process runs: the catalogue load waits for the jobs read model if it is one of them. */
  projectors: readonly LocalProjector[];
}

/**
 * What an `api` process does for jobs beside serving requests: load the static catalogue
 * (appending only what changed) and wait until this process's projector has read it, then
 * sweep overdue jobs to `expired` once a minute.
 */
export function jobBackgroundTasks(deps: JobTaskDeps): BackgroundTask[] {
  const sweeper = new ExpirySweeper(deps.commands, deps.readStore, deps.logger.child({ component: 'job-expiry' }), deps.clock);
  const catalogue: BackgroundTask = {
    name: 'job-catalogue',
    async start() {
      const started = Date.now();
      const report = await syncCatalogue(deps.commands, loadStaticCatalogue(), deps.clock.now().toISOString());
      const projector = deps.projectors.find((p) => p.name === JobsReadModel.name);
      if (projector && report.position) await projector.waitFor(report.position, 30_000);
      deps.logger.info({ entries: report.entries, changed: report.changed, ms: Date.now() - started }, 'static job catalogue loaded');
    },
    stop: async () => undefined,
  };
  const expiry: BackgroundTask = {
    name: 'job-expiry',
    start: async () => sweeper.start(),
    stop: () => sweeper.stop(),
  };
  return [catalogue, expiry];
}
