import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DURABLE_CHECKPOINTS_FILE } from '../../src/read-store/persistent';
import { AppProcess, ensureBuilt } from '../support/app-processes';
import { uniqueEmail } from '../support/fixtures';

/**
 * The built app on the embedded adapters, SIGKILLed: the relay's checkpoint survives (it is written
 * on every move, apart from the read-model snapshot, which this run never writes), so the
 * restarted relay publishes nothing it had published before instead of all history.
 */
let app: AppProcess;
beforeAll(async () => {
  ensureBuilt();
  app = await AppProcess.start('all', { READ_MODEL_SNAPSHOT_INTERVAL_MS: '0' });
}, 180_000);
afterAll(() => app.stop());

const detailed = async () => (await fetch(`${app.url}/health/detailed`)).json() as Promise<{ relay: { checkpoint: string; events_published: number }; projectors: { checkpoint: string }[] }>;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeout_ms = 20_000): Promise<T> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('relay checkpoint after SIGKILL (embedded)', () => {
  it('given published events and a kill -9, when restarted, then the relay resumes from its checkpoint and re-publishes nothing', async () => {
    const emails = [uniqueEmail(), uniqueEmail()];
    for (const email of emails) {
      const res = await fetch(`${app.url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery', full_name: 'Kill Test' }) });
      expect(res.status).toBe(201);
    }
    const before = await until(detailed, (d) => d.relay.checkpoint !== '' && d.projectors.every((p) => p.checkpoint <= d.relay.checkpoint));
    expect(before.relay.events_published).toBeGreaterThan(0);
    const file = join(app['dataDir'], 'read-models', DURABLE_CHECKPOINTS_FILE);
    const stored = await until(async () => { try { return readFileSync(file, 'utf8'); } catch { return ''; } }, (text) => text.includes(before.relay.checkpoint));
    expect(JSON.parse(stored).checkpoints.relay).toBe(before.relay.checkpoint);

    await app.kill('SIGKILL');
    await app.restart();

    const after = await until(detailed, (d) => d.relay.checkpoint >= before.relay.checkpoint);
    expect(after.relay.checkpoint).toBe(before.relay.checkpoint);
    expect(after.relay.events_published).toBe(0);
    const ready = await until(() => fetch(`${app.url}/health/ready`).then((r) => r.status), (status) => status === 200);
    expect(ready).toBe(200);
    const login = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: emails[0], password: 'correct horse battery' }) });
    expect(login.status).toBe(200);
  }, 60_000);
});
