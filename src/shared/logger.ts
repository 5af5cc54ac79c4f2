import pino from 'pino';

/** The logging surface the code depends on; pino satisfies it. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** PII and secrets never reach the logs, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'password',
  'password_hash',
  'access_token',
  'refresh_token',
  'token',
  'email',
  'phone',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.password_hash',
  '*.access_token',
  '*.refresh_token',
  '*.token',
  '*.email',
  '*.phone',
  '*.authorization',
  '*.*.email',
  '*.*.phone',
];

export function createLogger(options: { level?: string; role?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'jobwise', role: options.role },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
