import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { startApp, RunningApp } from '../../src/app-process';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { profileBody, uniqueEmail } from '../support/fixtures';

/**
 * Problem details and logs never echo personal values a client submitted: the app runs with the
 * real logger (debug level, so the request lines too) writing to a stream the test reads.
 */
const EMAIL = 'grace.hopper.echo@example.org';
const PHONE = '+1 202 555 0199';
const NAME = 'Grace Brewster Murray Hopper';

let app: RunningApp;
let http: ReturnType<typeof request>;
let dir: string;
const lines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-echo-'));
  const config = loadConfig(
    { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SCRYPT_N: '1024', JWT_SECRET: 'test-secret-of-sufficient-length', RATE_LIMITS_ENABLED: 'false' },
    ['api', 'projector'],
  );
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  app = await startApp(config, createLogger({ level: 'debug', destination }));
  http = request(app.server);
});

afterAll(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

function expectNoEcho(text: string, values: string[]) {
  for (const value of values) expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
}

describe('submitted personal values are not echoed', () => {
  it('given a registration with an e-mail in the name, a phone as the e-mail and an e-mail as a field name, then neither the 400 nor the logs repeat them', async () => {
    const res = await http.post('/api/v1/auth/register').send({
      email: PHONE,
      password: EMAIL,
      full_name: `${NAME} ${EMAIL} `.repeat(20),
      [EMAIL]: NAME,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expectNoEcho(JSON.stringify(res.body), [EMAIL, PHONE, NAME]);
    expectNoEcho(lines.join(''), [EMAIL, PHONE, NAME]);
  });

  it('given a profile with wrong types and formats in personal fields, then neither the 400 nor the logs repeat them', async () => {
    const email = uniqueEmail();
    const registered = await http.post('/api/v1/auth/register').send({ email, password: 'correct horse battery', full_name: 'Echo Test' });
    expect(registered.status).toBe(201);
    const body = profileBody({
      personal_info: {
        full_name: `${NAME} ${PHONE} `.repeat(30),
        email: `${NAME} <${EMAIL}>`,
        phone: EMAIL,
        location: 7,
        linkedin: `mailto:${EMAIL}`,
        github: null,
        website: null,
        [PHONE]: 'extra',
      },
      professional_summary: { text: EMAIL },
    });
    const res = await http.post('/api/v1/profiles').set({ Authorization: `Bearer ${registered.body.access_token}` }).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThanOrEqual(4);
    expectNoEcho(JSON.stringify(res.body), [EMAIL, PHONE, NAME, email]);
    expectNoEcho(lines.join(''), [EMAIL, PHONE, NAME, email, registered.body.access_token]);
  });

  it('given malformed JSON holding personal values, then neither the 400 nor the logs repeat them', async () => {
    const res = await http.post('/api/v1/auth/register').set('Content-Type', 'application/json').send(`{"email": "${EMAIL}", "phone": "${PHONE}",`);
    expect(res.status).toBe(400);
    expectNoEcho(JSON.stringify(res.body), [EMAIL, PHONE]);
    expectNoEcho(lines.join(''), [EMAIL, PHONE]);
  });

  it('the logs were captured (so the checks above can fail)', () => {
    expect(lines.join('')).toContain('"msg":"request"');
  });
});
