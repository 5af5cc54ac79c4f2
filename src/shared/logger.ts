import pino from 'pino';
import { redactLogObject, redactMessage } from './log-redaction';

/** The logging surface the code depends on; pino satisfies it. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * The service's logger. PII and secrets never reach the logs: every logged object, every child
 * binding and every message goes through the redaction of src/shared/log-redaction.ts (by key
 * name at any depth, and by value pattern inside every string, error messages and stacks too).
 */
export function createLogger(options: { level?: string; role?: string; destination?: pino.DestinationStream } = {}): Logger {
  const logger = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'jobwise', role: options.role },
      formatters: {
        log: redactLogObject,
        bindings: redactLogObject,
      },
      // formatters.log has already turned errors into redacted plain objects: print them as they are.
      serializers: { msg: redactMessage, err: (value: unknown) => value },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
  return redactingChildren(logger);
}

/** pino gives child loggers no bindings formatter, so their bindings are redacted here. */
function redactingChildren(logger: pino.Logger): pino.Logger {
  const child = logger.child.bind(logger);
  logger.child = ((bindings: pino.Bindings, options?: pino.ChildLoggerOptions) =>
    redactingChildren(child(redactLogObject(bindings), options))) as unknown as pino.Logger['child'];
  return logger;
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
