import { Writable } from 'node:stream';
import { createLogger } from '../../../src/shared/logger';
import { redactLogObject, redactText } from '../../../src/shared/log-redaction';

/** The real logger, writing to a stream the test reads. */
function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), text: () => lines.join(''), lines };
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJqdGkiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const PERSONAL = {
  email: 'ada.lovelace@example.com',
  phone: '+44 20 7946 0958',
  phone_us: '(555) 123-4567',
  phone_dashed: '+1-202-555-0143',
  token: 'opaque-refresh-token-value-123',
  password: 'hunter2hunter2',
  full_name: 'Ada Lovelace',
  first_name: 'Augusta',
  last_name: 'Byron',
  address: '12 St James Square, London',
  cookie: 'sid=s3cr3t-session',
  secret: 'jwt-signing-secret-xyz',
};
const VALUES = [...Object.values(PERSONAL), JWT, 'Lovelace'];

/** Nest `leaf` `depth` levels down (objects, with an array every third level): depth 1 is the logged object itself. */
function nest(depth: number, leaf: Record<string, unknown>): Record<string, unknown> {
  let object: Record<string, unknown> = leaf;
  for (let level = depth; level > 1; level--) object = level % 3 === 0 ? { items: [object] } : { [`level${level - 1}`]: object };
  return object;
}

function expectClean(text: string) {
  for (const value of VALUES) expect(text).not.toContain(value);
}

describe('log redaction through the real logger', () => {
  it.each([1, 2, 3, 4, 5, 6])('redacts personal fields by key name at depth %i', (depth) => {
    const { logger, text } = capture();
    logger.info(nest(depth, { ...PERSONAL, user_id: 'u-1', authorization: `Bearer ${JWT}` }), 'nested');
    expectClean(text());
    expect(text()).toContain('u-1');
    expect(text()).toContain('[redacted]');
  });

  it.each([1, 2, 3, 4, 5, 6])('redacts e-mails, phones and tokens by value inside strings at depth %i', (depth) => {
    const { logger, text } = capture();
    const note = `contact ${PERSONAL.email} or ${PERSONAL.phone} / ${PERSONAL.phone_us} / ${PERSONAL.phone_dashed}, header Bearer ${JWT}`;
    logger.warn(nest(depth, { note, path: '/api/v1/profiles/7a0c6f0e-2d5c-4c8e-9d0a-1f2e3d4c5b6a', list_of: [note] }), 'values');
    const logged = text();
    for (const value of [PERSONAL.email, PERSONAL.phone, PERSONAL.phone_us, PERSONAL.phone_dashed, JWT]) expect(logged).not.toContain(value);
    expect(logged).toContain('[email]');
    expect(logged).toContain('[phone]');
    expect(logged).toContain('Bearer [token]');
    // Ids are not phone numbers.
    expect(logged).toContain('7a0c6f0e-2d5c-4c8e-9d0a-1f2e3d4c5b6a');
  });

  it('redacts inside the message, error messages, stacks and causes, and child bindings', () => {
    const { logger, text } = capture();
    const cause = new Error(`duplicate key ${PERSONAL.email}`);
    const error = new Error(`cannot reach ${PERSONAL.phone} for ${PERSONAL.email}`, { cause });
    Object.assign(error, { details: { email: PERSONAL.email, full_name: PERSONAL.full_name } });
    logger.error({ err: error }, `failed for ${PERSONAL.email} with token Bearer ${JWT}`);
    logger.error({ err: { message: error.message, stack: error.stack } }, 'plain error object');
    // An error as the first argument: pino takes the message from it.
    (logger as unknown as { error(e: Error): void }).error(error);
    logger.child({ email: PERSONAL.email, request: { authorization: `Bearer ${JWT}` } }).info({ ok: true }, 'child');
    const logged = text();
    expectClean(logged);
    const first = JSON.parse(logged.split('\n')[0]!);
    expect(first.msg).toBe('failed for [email] with token Bearer [token]');
    expect(first.err.message).toBe('cannot reach [phone] for [email]');
    expect(first.err.stack).toContain('cannot reach [phone] for [email]');
    expect(first.err.stack).toMatch(/\n\s+at /);
    expect(first.err.cause.message).toBe('duplicate key [email]');
  });

  it('is safe on cycles, deep objects and huge arrays, and leaves the logged object unchanged', () => {
    const { logger, text } = capture();
    const cyclic: Record<string, unknown> = { email: PERSONAL.email };
    cyclic.self = cyclic;
    const deep = nest(40, { email: PERSONAL.email });
    const big = { items: Array.from({ length: 5000 }, (_, i) => ({ i, email: PERSONAL.email })) };
    logger.info({ cyclic, deep, big }, 'shapes');
    expectClean(text());
    expect(text()).toContain('[circular]');
    expect(cyclic.email).toBe(PERSONAL.email);
  });

  it('keeps what is not personal: numbers, dates, times, ids, versions', () => {
    const kept = {
      at: '2026-11-29T23:19:26.123Z',
      day: '2026-11-29',
      took: '12:30:45',
      position: '123456789012',
      version: '1.14.7',
      status: 503,
      host: '127.0.0.1',
    };
    expect(redactLogObject(kept)).toEqual(kept);
    expect(redactText('events 12 to 40 of 1000')).toBe('events 12 to 40 of 1000');
  });
});
