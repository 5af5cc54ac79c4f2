import 'reflect-metadata';
import { startApp } from './app-process';
import { loadConfig } from './config';
import { createLogger } from './shared/logger';

/**
 * Entry point. `node dist/src/main.js [api] [projector] [relay]` runs the named roles;
 * with none (the default of `npm start`) it runs all of them in one process.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const logger = createLogger({ level: config.log_level, role: config.roles.join('+') });
  const app = await startApp(config, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`JobWise failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
