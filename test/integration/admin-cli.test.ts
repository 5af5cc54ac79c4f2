import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ID_NAMESPACES, uuidV5 } from '../../src/shared/ids';
import { ConsumedMessage } from '../../src/bus/port';
import { createKafkaBus } from '../../src/bus/kafka';
import { startTestApp } from '../support/app';
import { ensureBuilt } from '../support/app-processes';
import { eventually } from '../support/document-flow';
import { profileBody } from '../support/fixtures';
import { brokerList, onBackends } from '../support/real-backends';

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
  /** The CLI acts as `operator:<login>`. */
  const operatorId = uuidV5(`operator:${userInfo().username}`, ID_NAMESPACES.operator);

  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(CLI)) throw new Error('dist/scripts/admin.js is missing: npm run build');
    const t = await startTestApp();
    const user = await t.register({ email: 'cli.user@example.com' });
    userId = user.user_id;
    const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody({ personal_info: { full_name: 'Cli First', email: 'cli@example.com' } }));
    profileId = created.body.id;
    await t.http.put(`/api/v1/profiles/${profileId}`).set(user.auth).send({ personal_info: { full_name: 'Cli Second', email: 'cli@example.com' } });
    const data_dir = t.data_dir;
    await t.app.stop();
    env = { DATA_DIR: data_dir, JWT_SECRET: 'test-secret-of-sufficient-length', LOG_LEVEL: 'warn' };
  });
  afterAll(() => rmSync(env.DATA_DIR, { recursive: true, force: true }));

  it('--help lists every command with its usage', async () => {
    const { code, stdout } = await admin(['--help'], {});
    expect(code).toBe(0);
    for (const command of ['history <stream>', 'audit [--actor', 'state-at <entity> <id>', 'diff <entity> <id>', 'rebuild <projection>', 'replay [--from-position']) expect(stdout).toContain(`  ${command}`);
    for (const option of ['--to-time', '--stream-prefix', '--topic', '--reason']) expect(stdout).toContain(option);
  });

  it('rebuild rebuilds a read model offline, switches it, is recorded, and the app serves the rebuilt one', async () => {
    const { code, stdout, stderr } = await admin(['rebuild', 'profiles_v1', '--reason', 'cli rebuild'], env);
    const status = JSON.parse(stdout || '{}');
    expect({ code, stderr, error: status.error }).toEqual({ code: 0, stderr: '', error: null });
    expect(status).toMatchObject({ projection: 'profiles_v1', phase: 'completed', collection: 'profiles_v1', percent: 100, error: null });
    expect(status.events_applied).toBeGreaterThanOrEqual(2);

    expect(status.requested_by).toBe(operatorId);
    const reads = JSON.parse((await admin(['history', `adminaccess-${operatorId}`], env)).stdout);
    expect(reads.items.map((e: { data: unknown }) => e.data)).toContainEqual(expect.objectContaining({ action: 'rebuild', target: 'profiles_v1', reason: 'cli rebuild' }));

    const t = await startTestApp({}, env.DATA_DIR);
    try {
      const login = await t.http.post('/api/v1/auth/login').send({ email: 'cli.user@example.com', password: 'correct horse battery' });
      const profile = await t.http.get(`/api/v1/profiles/${profileId}`).set({ Authorization: `Bearer ${login.body.access_token}` });
      expect(profile.status).toBe(200);
      expect(profile.body.personal_info.full_name).toBe('Cli Second');
    } finally {
      await t.app.stop();
    }
  });

  it('rebuild refuses an unknown projection; replay refuses to run without a broker', async () => {
    const unknown = await admin(['rebuild', 'nothing_v1'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown projection nothing_v1');
    const replay = await admin(['replay', '--stream-prefix', 'profile-'], env);
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain('needs KAFKA_BROKERS');
  });

  onBackends(['KAFKA_BROKERS'], 'replay from the CLI', ([brokers]) => {
    it('replay re-publishes a stream’s history to its topic, marked as a replay, and is recorded', async () => {
      // stderr may carry the Kafka client's warnings (a topic that exists already); stdout is the JSON answer.
      const { code, stdout } = await admin(['replay', '--stream-prefix', `profile-${profileId}`, '--topic', 'jobwise.profiles.v1', '--reason', 'cli replay'], { ...env, KAFKA_BROKERS: brokers });
      expect(code).toBe(0);
      const status = JSON.parse(stdout);
      expect(status).toMatchObject({ status: 'completed', published: 2 });
      const bus = createKafkaBus({ brokers: brokerList(brokers), client_id: 'jobwise-admin-cli-test' });
      const seen: ConsumedMessage[] = [];
      const consumer = await bus.subscribe({ group_id: `cli-replay-${Date.now()}`, topics: ['jobwise.profiles.v1'], from_beginning: true, handler: async (m) => void seen.push(m) });
      try {
        const mine = await eventually(async () => {
          const found = seen.filter((m) => m.headers.replay_id === status.replay_id);
          return found.length >= 2 ? found : undefined;
        }, 'the replayed messages', 30_000);
        expect(mine.map((m) => m.headers.replay)).toEqual(['true', 'true']);
        expect(mine.map((m) => m.headers.event_type)).toEqual(['profile.created', 'profile.updated']);
      } finally {
        await consumer.stop();
        await bus.close();
      }
      const reads = JSON.parse((await admin(['history', `adminaccess-${operatorId}`], env)).stdout);
      expect(reads.items.map((e: { data: unknown }) => e.data)).toContainEqual(
        expect.objectContaining({ action: 'replay', target: `stream_prefix=profile-${profileId}&topic=jobwise.profiles.v1`, reason: 'cli replay' }),
      );
    });
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
    const state = JSON.parse((await admin(['state-at', 'profiles', profileId, '--as-of-revision', '0'], env)).stdout);
    expect(state.view.personal_info.full_name).toBe('Cli First');
    // `state` is kept as an alias.
    expect(JSON.parse((await admin(['state', 'profiles', profileId, '--as-of-revision', '1'], env)).stdout).view.personal_info.full_name).toBe('Cli Second');
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
