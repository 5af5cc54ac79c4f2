import { Container } from 'inversify';
import { Server } from 'node:http';
import { ProjectionRunner } from './projector/projection-runner';
import { buildContainer } from './container';
import { Config } from './config';
import { EventStore } from './event-store/port';
import { ReadStore } from './read-store/port';
import { MessageBus } from './bus/port';
import { EventRelay } from './relay';
import { buildHttpApp } from './http/server';
import { JobBackground, startJobBackground } from './jobs/startup';
import { Logger } from './shared/logger';
import { TOKENS } from './container-tokens';

/** A running JobWise process: the roles it was asked to run, and how to stop them in order. */
export interface RunningApp {
  container: Container;
  /** Serves the API, or only the health endpoints when this process is not an `api`. */
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const container = await buildContainer(config, logger);
  const runners = container.get<ProjectionRunner[]>(TOKENS.ProjectionRunners);
  const relay = container.isBound(TOKENS.Relay) ? container.get<EventRelay>(TOKENS.Relay) : null;
  await Promise.all(runners.map((runner) => runner.start()));
  await relay?.start();

  const api = config.roles.includes('api');
  let jobs: JobBackground | null = null;
  if (api) {
    jobs = await startJobBackground({
      commands: container.get(TOKENS.JobCommands),
      sweeper: container.get(TOKENS.JobExpirySweeper),
      runners,
      logger,
    });
  }
  const app = buildHttpApp(container, { api });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' ? address?.port : config.port;
  logger.info({ port, roles: config.roles }, api ? 'JobWise API listening' : 'JobWise health endpoint listening');

  return {
    container,
    server,
    port: (server.address() as { port: number }).port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs?.stop();
      await Promise.all(runners.map((runner) => runner.stop()));
      await relay?.stop();
      await container.get<MessageBus>(TOKENS.Bus).close();
      await container.get<ReadStore>(TOKENS.ReadStore).close();
      await container.get<EventStore>(TOKENS.EventStore).close();
    },
  };
}
