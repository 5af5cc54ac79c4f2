import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger } from '../port';

/**
 * kafkajs logs every failed request, reconnect and send at error level, though it retries them;
 * those namespaces go out as warn. What survives the retries (a consumer crash, a failed
 * send) stays an error.
 */
const RETRIED_NAMESPACES = new Set(['Connection', 'BrokerPool', 'Producer']);

/** Routes kafkajs' own logs (warn and above) into our structured logger. */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...details } = log;
      const entry = { component: 'kafkajs', namespace, ...details };
      if (level === logLevel.ERROR && !RETRIED_NAMESPACES.has(namespace)) logger.error(entry, message);
      else if (level <= logLevel.WARN) logger.warn(entry, message);
      else logger.info(entry, message);
    };
}

export const KAFKA_LOG_LEVEL = logLevel.WARN;
