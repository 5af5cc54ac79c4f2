import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { profileBody, uniqueEmail } from '../support/fixtures';

/**
 * The built app (`npm run build`, run by `npm test` before jest) on the embedded adapters:
 * a profile written over HTTP survives `kill -9` of the whole process.
 */
const main = join(__dirname, '../../dist/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startProcess(data_dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, DATA_DIR: data_dir, PORT: String(port), HOST: '127.0.0.1', SCRYPT_N: '1024', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    const ok = await request(`http://127.0.0.1:${port}`).get('/health').then((r) => r.status === 200, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('app did not start within 20 s');
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** `npm test` builds first; run alone, the suite builds what it starts instead of skipping. */
beforeAll(() => {
  if (!existsSync(main)) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '../..') });
}, 180_000);

describe('the embedded app across kill -9', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jobwise-restart-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps accounts, tokens and profiles', async () => {
    const port = await freePort();
    const first = await startProcess(dir, port);
    const api = request(`http://127.0.0.1:${port}`);
    const email = uniqueEmail('durable');
    const registered = await api.post('/api/v1/auth/register').send({ email, password: 'durable password', full_name: 'Dee Rable' });
    const auth = { Authorization: `Bearer ${registered.body.access_token}` };
    const created = await api.post('/api/v1/profiles').set(auth).send(profileBody());
    expect(created.status).toBe(201);
    await killed(first);

    const second = await startProcess(dir, port);
    try {
      // The generated JWT secret was kept under DATA_DIR, so the old token still works.
      const profile = await api.get('/api/v1/profiles/me').set(auth);
      expect(profile.status).toBe(200);
      expect(profile.body).toEqual(created.body);
      const login = await api.post('/api/v1/auth/login').send({ email, password: 'durable password' });
      expect(login.status).toBe(200);
    } finally {
      await killed(second);
    }
  });
});
