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

/** How long the catalogue load waits for the jobs read model before saying so in the log (it stays not ready). */
const CATALOGUE_WAIT_MS = 30 * 60_000;

/**
 * What an `api` process does for jobs beside serving requests: load the static catalogue
 * (appending only what changed), then sweep overdue jobs to `expired` once a minute.
 * Until this process's jobs projector has read the catalogue the task is not ready, so
 * `/health/ready` answers 503; start-up does not wait for it (a projector rebuilding a long
 * history may take minutes, and the process must listen meanwhile).
 */
export function jobBackgroundTasks(deps: JobTaskDeps): BackgroundTask[] {
  const sweeper = new ExpirySweeper(deps.commands, deps.readStore, deps.logger.child({ component: 'job-expiry' }), deps.clock);
  let loaded = false;
  const catalogue: BackgroundTask = {
    name: 'job-catalogue',
    async start() {
      const started = Date.now();
      const report = await syncCatalogue(deps.commands, loadStaticCatalogue(), deps.clock.now().toISOString());
      const projector = deps.projectors.find((p) => p.name === JobsReadModel.name);
      const done = () => {
        loaded = true;
        deps.logger.info({ entries: report.entries, changed: report.changed, ms: Date.now() - started }, 'static job catalogue loaded');
      };
      if (!projector || !report.position) return done();
      projector.waitFor(report.position, CATALOGUE_WAIT_MS).then(done, (error: Error) => {
        deps.logger.error({ err: error.message }, 'the jobs read model did not take in the static catalogue');
      });
    },
    stop: async () => undefined,
    ready: () => loaded,
  };
  const expiry: BackgroundTask = {
    name: 'job-expiry',
    start: async () => sweeper.start(),
    stop: () => sweeper.stop(),
  };
  return [catalogue, expiry];
}
