import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp } from '../support/app';
import { ensureBuilt } from '../support/app-processes';
import { profileBody } from '../support/fixtures';

/**
 * `npm run admin -- …` (the built dist/scripts/admin.js) against the stores a data dir holds:
 * the app runs, writes, stops; the CLI then reads the same log (decrypting with the same keys).
 */
const CLI = join(__dirname, '../../dist/scripts/admin.js');

function admin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the admin CLI', () => {
  jest.setTimeout(60_000);
  let env: Record<string, string>;
  let profileId: string;
  let userId: string;

  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(CLI)) throw new Error('dist/scripts/admin.js is missing: npm run build');
    const t = await startTestApp();
    const user = await t.register();
    userId = user.user_id;
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody({ personal_info: { full_name: 'Cli First', email: 'cli@example.com' } }));
    profileId = created.body.id;
    await t.http.put(`/api/v1/profiles/${profileId}`).set(user.auth).send({ personal_info: { full_name: 'Cli Second', email: 'cli@example.com' } });
    const data_dir = t.data_dir;
    await t.app.stop();
    env = { DATA_DIR: data_dir, JWT_SECRET: 'test-secret-of-sufficient-length', LOG_LEVEL: 'warn' };
  });
  afterAll(() => rmSync(env.DATA_DIR, { recursive: true, force: true }));

  it('--help lists every command', async () => {
    const { code, stdout } = await admin(['--help'], {});
    expect(code).toBe(0);
    for (const command of ['history', 'audit', 'state', 'diff']) expect(stdout).toContain(`  ${command} `);
  });

  it('history prints a stream’s events decrypted, with metadata', async () => {
    const { code, stdout } = await admin(['history', `profile-${profileId}`, '--reason', 'cli test'], env);
    expect(code).toBe(0);
    const page = JSON.parse(stdout);
    expect(page.items.map((e: { type: string }) => e.type)).toEqual(['ProfileCreated', 'ProfileUpdated']);
    expect(page.items[0].data.personal_info.full_name).toBe('Cli First');
    expect(page.items[0].metadata.actor).toBe(userId);
  });

  it('state and diff fold the entity at past moments', async () => {
    const state = JSON.parse((await admin(['state', 'profiles', profileId, '--as-of-revision', '0'], env)).stdout);
    expect(state.view.personal_info.full_name).toBe('Cli First');
    const changes = JSON.parse((await admin(['diff', 'profiles', profileId, '--from', '0', '--to', '1'], env)).stdout).changes;
    expect(changes).toContainEqual({ path: 'view.personal_info.full_name', before: 'Cli First', after: 'Cli Second' });
  });

  it('audit filters the log, and shows the CLI’s own reads', async () => {
    const mine = JSON.parse((await admin(['audit', '--actor', userId, '--aggregate', 'profile'], env)).stdout);
    expect(mine.items.map((e: { event_type: string }) => e.event_type)).toEqual(['ProfileCreated', 'ProfileUpdated']);
    const reads = JSON.parse((await admin(['audit', '--aggregate', 'adminaccess'], env)).stdout);
    expect(reads.items.length).toBeGreaterThanOrEqual(3);
  });

  it('an unknown command exits 2 with the help', async () => {
    const { code, stderr } = await admin(['rebuild-everything'], env);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command');
  });
});
