import { Writable } from 'node:stream';
import pino from 'pino';
import { redactLogObject } from '../src/shared/log-redaction';
import { createLogger } from '../src/shared/logger';

/**
 * What the log redaction (src/shared/log-redaction.ts) costs: printed, never asserted.
 * `npm run build && node dist/scripts/log-redaction-cost.js`
 */
const N = Number(process.env.REDACTION_ROUNDS ?? 100_000);

const requestLine = {
  method: 'POST',
  path: '/api/v1/profiles/7a0c6f0e-2d5c-4c8e-9d0a-1f2e3d4c5b6a/experiences',
  status: 201,
  ms: 12.3,
  correlation_id: 'b7f1c1c2-5a7e-4bd1-9c1c-0d1e2f3a4b5c',
};
const errorLine = {
  err: new Error('E11000 duplicate key error collection: users index: email_1 dup key: { email: "ada@example.com" }'),
  path: '/api/v1/auth/register',
  correlation_id: 'b7f1c1c2-5a7e-4bd1-9c1c-0d1e2f3a4b5c',
};

function nsPer(run: () => void): number {
  for (let i = 0; i < 1000; i++) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) run();
  return Number(process.hrtime.bigint() - started) / N;
}

const sink = new Writable({ write: (_chunk, _enc, done) => done() });
const logger = createLogger({ level: 'info', destination: sink });
const plain = pino({ level: 'info', base: { service: 'jobwise' }, timestamp: pino.stdTimeFunctions.isoTime }, sink);
const rows = {
  'plain pino, no redaction: request line': nsPer(() => plain.info(requestLine, 'request')),
  'walk: request-log object': nsPer(() => redactLogObject(requestLine)),
  'walk: error with a stack': nsPer(() => redactLogObject(errorLine)),
  'logger.info: request line, end to end': nsPer(() => logger.info(requestLine, 'request')),
};
for (const [what, ns] of Object.entries(rows)) process.stdout.write(`${what.padEnd(42)} ${(ns / 1000).toFixed(2)} µs\n`);
