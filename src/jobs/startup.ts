import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ProjectionRunner } from '../projector/projection-runner';
import { Logger } from '../shared/logger';
import { loadStaticCatalogue } from './catalogue/catalogue';
import { syncCatalogue } from './catalogue-sync';
import { ExpirySweeper } from './expiry-sweeper';
import { JobCommands } from './service';

export interface JobBackground {
  stop(): Promise<void>;
}

/**
 * What the `api` role does for jobs at start-up: load the static catalogue (appending only what
 * changed), wait until this process's projector has read it when it runs one, and start the
 * expiry sweeper.
 */
export async function startJobBackground(deps: {
  commands: JobCommands;
  sweeper: ExpirySweeper;
  runners: ProjectionRunner[];
  logger: Logger;
}): Promise<JobBackground> {
  const started = Date.now();
  const report = await syncCatalogue(deps.commands, loadStaticCatalogue(), new Date().toISOString());
  const runner = deps.runners.find((r) => r.name === JobsReadModel.name);
  if (runner && report.position) await runner.waitFor(report.position, 30_000);
  deps.logger.info({ entries: report.entries, changed: report.changed, ms: Date.now() - started }, 'static job catalogue loaded');
  deps.sweeper.start();
  return { stop: () => deps.sweeper.stop() };
}
