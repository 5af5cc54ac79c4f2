import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ID_NAMESPACES, uuidV5 } from '../../src/shared/ids';
import { startTestApp, TestApp } from '../support/app';
import { ensureBuilt } from '../support/app-processes';
import { eventually } from '../support/document-flow';
import { profileBody } from '../support/fixtures';
import { onBackends } from '../support/real-backends';

/**
 * Issue 13 item 7 against EventStoreDB and MongoDB ("against the configured stores"): the built
 * CLI reads the history the app wrote to EventStoreDB, folds a past state, and answers the audit
 * from the app's audit read model in MongoDB (not from a scan of the log, as with the embedded
 * stores), where its own reads then show too. Runs while the app keeps running.
 */
const CLI = join(__dirname, '../../dist/scripts/admin.js');

function admin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

onBackends(['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URL'], 'the admin CLI on EventStoreDB and MongoDB', ([esdb, url]) =>
  describe('the admin CLI on EventStoreDB and MongoDB', () => {
    jest.setTimeout(90_000);
    const db = `jobwise_admin_cli_${randomUUID().slice(0, 8)}`;
    const operatorId = uuidV5(`operator:${userInfo().username}`, ID_NAMESPACES.operator);
    let t: TestApp;
    let env: Record<string, string>;
    let userId: string;
    let profileId: string;

    beforeAll(async () => {
      ensureBuilt();
      if (!existsSync(CLI)) throw new Error('dist/scripts/admin.js is missing: npm run build');
      t = await startTestApp({ EVENTSTORE_CONNECTION_STRING: esdb, MONGODB_URL: url, MONGODB_DB: db });
      // The event store is shared between runs: a fresh e-mail each time.
      const user = await t.register({ email: `cli.real.${randomBytes(4).toString('hex')}@example.com` });
      userId = user.user_id;
      const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody({ personal_info: { full_name: 'Real First', email: 'real@example.com' } }));
      expect(created.status).toBe(201);
      profileId = created.body.id;
      expect((await t.http.put(`/api/v1/profiles/${profileId}`).set(user.auth).send({ personal_info: { full_name: 'Real Second', email: 'real@example.com' } })).status).toBe(200);
      env = { DATA_DIR: t.data_dir, JWT_SECRET: 'test-secret-of-sufficient-length', LOG_LEVEL: 'warn', EVENTSTORE_CONNECTION_STRING: esdb, MONGODB_URL: url, MONGODB_DB: db };
    }, 90_000);
    afterAll(async () => {
      const dir = t?.data_dir;
      await t?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
      const client = await MongoClient.connect(url);
      await client.db(db).dropDatabase();
      await client.close();
    });

    it('history, state-at and diff read the EventStoreDB log, decrypted', async () => {
      const history = await admin(['history', `profile-${profileId}`, '--reason', 'real backends'], env);
      expect({ code: history.code, stderr: history.stderr }).toEqual({ code: 0, stderr: expect.not.stringMatching(/"level":[56]0/) });
      const page = JSON.parse(history.stdout);
      expect(page.items.map((e: { type: string }) => e.type)).toEqual(['ProfileCreated', 'ProfileUpdated']);
      expect(page.items[0].data.personal_info.full_name).toBe('Real First');
      expect(page.items[0].metadata.actor).toBe(userId);

      const state = JSON.parse((await admin(['state-at', 'profiles', profileId, '--as-of-revision', '0'], env)).stdout);
      expect(state).toMatchObject({ revision: 0, view: { personal_info: { full_name: 'Real First' } } });
      const changes = JSON.parse((await admin(['diff', 'profiles', profileId, '--from', '0', '--to', '1'], env)).stdout).changes;
      expect(changes).toContainEqual({ path: 'view.personal_info.full_name', before: 'Real First', after: 'Real Second' });
    });

    it('audit answers from the audit read model in MongoDB, which then shows the CLI’s own reads', async () => {
      const mine = await admin(['audit', '--actor', userId, '--aggregate', 'profile'], env);
      expect(mine.code).toBe(0);
      expect(JSON.parse(mine.stdout).items.map((e: { event_type: string }) => e.event_type)).toEqual(['ProfileCreated', 'ProfileUpdated']);
      // The running app's projector puts the CLI's reads (events in EventStoreDB) into the read model the CLI queries.
      const reads = await eventually(async () => {
        const answer = JSON.parse((await admin(['audit', '--actor', operatorId, '--aggregate', 'adminaccess'], env)).stdout);
        return answer.items.length >= 4 ? answer.items : undefined;
      }, 'the CLI reads in the audit', 60_000);
      expect(reads.every((e: { event_type: string; actor: string }) => e.event_type === 'AdminHistoryRead' && e.actor === operatorId)).toBe(true);
      expect(reads).not.toHaveProperty('0.data');
    });
  }),
);
