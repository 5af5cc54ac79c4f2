import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('personal data at rest (ADR 0009)', () => {
  it('the event log holds none of the profile name, e-mail, phone or summary as plain text, and GET still returns them', async () => {
    const user = await t.register({ full_name: 'Grace Plaintextcheck' });
    const body = profileBody({
      personal_info: { ...profileBody().personal_info, full_name: 'Ada Lovelace-Testname', email: 'ada.secret.4711@example.org', phone: '+44 20 7946 0958' },
      professional_summary: 'Summary with a distinctive phrase: analytical engine whisperer.',
    });
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(body);
    expect(created.status).toBe(201);

    const log = Buffer.concat(filesUnder(join(t.data_dir, 'events')).map((file) => readFileSync(file))).toString('utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('ProfileCreated');
    for (const secret of ['Ada Lovelace-Testname', 'ada.secret.4711@example.org', '+44 20 7946 0958', 'analytical engine whisperer', user.email, 'Grace Plaintextcheck']) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(log).toContain('"$enc":"v1"');

    const keys = readFileSync(join(t.data_dir, 'keys', 'subject-keys.json'), 'utf8');
    expect(keys).toContain(user.user_id);

    const read = await t.http.get('/api/v1/profiles/me').set(user.auth);
    expect(read.status).toBe(200);
    expect(read.body.personal_info).toMatchObject({ full_name: 'Ada Lovelace-Testname', email: 'ada.secret.4711@example.org', phone: '+44 20 7946 0958' });
    expect(read.body.professional_summary).toBe(body.professional_summary);
  });

  it('survives a restart: a new process decrypts the log with the kept keys', async () => {
    const data_dir = mkdtempSync(join(tmpdir(), 'jobwise-restart-'));
    const first = await startTestApp({}, data_dir);
    const user = await first.register();
    expect((await first.http.post('/api/v1/profiles').set(user.auth).send(profileBody())).status).toBe(201);
    await first.stop();
    const second = await startTestApp({}, data_dir);
    try {
      const read = await second.http.get('/api/v1/profiles/me').set(user.auth);
      expect(read.status).toBe(200);
      expect(read.body.personal_info.full_name).toBe('Ada Example');
    } finally {
      await second.stop();
      rmSync(data_dir, { recursive: true, force: true });
    }
  });
});
