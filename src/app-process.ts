import { Container } from 'inversify';
import { Server } from 'node:http';
import { ProjectionRunner } from '../projections/runner';
import { buildContainer } from './container';
import { Config } from './config';
import { EventStore } from './event-store/port';
import { ReadStore } from './read-store/port';
import { MessageBus } from './bus/port';
import { EventRelay } from './relay';
import { buildHttpApp } from './http/server';
import { JobBackground, startJobBackground } from './jobs/startup';
import { Logger } from './shared/logger';
import { TOKENS } from './tokens';

/** A running JobWise process: the roles it was asked to run, and how to stop them in order. */
export interface RunningApp {
  container: Container;
  server: Server | null;
  port: number | null;
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const container = await buildContainer(config, logger);
  const runners = container.get<ProjectionRunner[]>(TOKENS.ProjectionRunners);
  const relay = container.isBound(TOKENS.Relay) ? container.get<EventRelay>(TOKENS.Relay) : null;
  await Promise.all(runners.map((runner) => runner.start()));
  await relay?.start();

  let server: Server | null = null;
  let jobs: JobBackground | null = null;
  if (config.roles.includes('api')) {
    jobs = await startJobBackground({
      commands: container.get(TOKENS.JobCommands),
      sweeper: container.get(TOKENS.JobExpirySweeper),
      runners,
      logger,
    });
    const app = buildHttpApp(container);
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    logger.info({ port: typeof address === 'object' ? address?.port : config.port, roles: config.roles }, 'JobWise API listening');
  }

  return {
    container,
    server,
    port: server && typeof server.address() === 'object' ? (server.address() as { port: number }).port : null,
    async stop() {
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await jobs?.stop();
      await Promise.all(runners.map((runner) => runner.stop()));
      await relay?.stop();
      await container.get<MessageBus>(TOKENS.Bus).close();
      await container.get<ReadStore>(TOKENS.ReadStore).close();
      await container.get<EventStore>(TOKENS.EventStore).close();
    },
  };
}
