import { Container } from 'inversify';
import { Server } from 'node:http';
import { MessageBus } from './bus/port';
import { Config } from './config';
import { buildContainer } from './container';
import { TOKENS } from './container-tokens';
import { EventStore } from './event-store/port';
import { buildHttpApp, HttpAppDeps } from './http/server';
import { serverTimeouts } from './http/request-timeout';
import { ReadStore } from './read-store/port';
import { BackgroundTasks } from './shared/background-tasks';
import { Clock, systemClock } from './shared/clock';
import { Logger } from './shared/logger';

/** A running JobWise process: the roles it was asked to run, and how to stop them in order. */
export interface RunningApp {
  container: Container;
  /** Serves the API, or only the health endpoints when this process is not an `api`. */
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
}

/**
 * Starts a process: background tasks first (projectors, relay, the api's start-up loads and
 * sweepers, in that order), then the HTTP listener. Stopping runs it backwards, then closes
 * the adapters.
 */
export async function startApp(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  const container = await buildContainer(config, logger, options.clock ?? systemClock);
  const tasks = container.get<BackgroundTasks>(TOKENS.BackgroundTasks);
  await tasks.start();

  const server = await listen(buildHttpApp(container.get<HttpAppDeps>(TOKENS.HttpApp)), config);
  const port = (server.address() as { port: number }).port;
  const api = config.roles.includes('api');
  logger.info({ port, roles: config.roles, tasks: tasks.names }, api ? 'JobWise API listening' : 'JobWise health endpoint listening');

  return {
    container,
    server,
    port,
    async stop() {
      // Stop taking connections; end idle keep-alive ones now and open event streams (SSE)
      // after a moment, so that a watching client cannot hold the shutdown up.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const linger = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(linger);
      await tasks.stop();
      await container.get<MessageBus>(TOKENS.Bus).close();
      await container.get<ReadStore>(TOKENS.ReadStore).close();
      await container.get<EventStore>(TOKENS.EventStore).close();
    },
  };
}

function listen(app: ReturnType<typeof buildHttpApp>, config: Config): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(config.port, config.host, () => resolve(server));
    Object.assign(server, serverTimeouts(config.request_timeout_ms));
    server.once('error', reject);
  });
}
