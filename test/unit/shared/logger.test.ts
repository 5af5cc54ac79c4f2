import { Writable } from 'node:stream';
import { createLogger } from '../../../src/shared/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('structured logs', () => {
  it('redact e-mails, phones, tokens and passwords wherever they appear', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        email: 'ada@example.com',
        password: 'hunter2hunter2',
        body: { refresh_token: 'r.t.x', personal_info: { phone: '+49 30 123' } },
        req: { headers: { authorization: 'Bearer a.b.c' } },
        user_id: 'u-1',
      },
      'request',
    );
    const text = lines.join('');
    for (const secret of ['ada@example.com', 'hunter2hunter2', 'r.t.x', '+49 30 123', 'Bearer a.b.c']) expect(text).not.toContain(secret);
    const entry = JSON.parse(text);
    expect(entry).toMatchObject({ msg: 'request', user_id: 'u-1', email: '[redacted]', service: 'jobwise' });
  });
});
