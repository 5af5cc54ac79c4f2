import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ProfilesReadModel } from '../../contracts/profiles/read-model';
import { UsersReadModel } from '../../contracts/users/http';
import { TOKENS } from '../../src/container-tokens';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { ReadStore } from '../../src/read-store/port';
import { FileStore } from '../../src/storage/port';
import { Session, startTestApp, TestApp } from '../support/app';
import { capturedLogs, decodedStream, distinctiveSecrets, ErasedUser, eventually, leaked, userWithPersonalData } from '../support/erasure-scenario';
import { profileBody } from '../support/fixtures';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every document of every collection of the embedded read store, as one text. */
async function readModelsText(t: TestApp): Promise<string> {
  const store = t.app.container.get<ReadStore>(TOKENS.ReadStore) as EmbeddedReadStore;
  const docs = await Promise.all(store.collectionNames().map((name) => store.collection(name).find()));
  return JSON.stringify(docs);
}

describe('erasure: DELETE /api/v1/auth/me (right to deletion, ADR 0009)', () => {
  const logs = capturedLogs();
  const secrets = distinctiveSecrets();
  let t: TestApp;
  let data_dir: string;
  let user: ErasedUser;
  let bystander: Session;

  beforeAll(async () => {
    data_dir = mkdtempSync(join(tmpdir(), 'jobwise-erasure-'));
    t = await startTestApp({}, data_dir, ['api', 'projector'], { logger: logs.logger });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(data_dir, { recursive: true, force: true });
  });

  it('given a user with a profile and a job, when they erase with a wrong password, then nothing changes', async () => {
    user = await userWithPersonalData(t, secrets);
    const refused = await t.http.delete('/api/v1/auth/me').set(user.session.auth).send({ password: 'not the password' });
    expect(refused.status).toBe(401);
    const profile = await t.http.get('/api/v1/profiles/me').set(user.session.auth);
    expect(profile.body.personal_info.full_name).toBe(secrets.profile_name);
  });

  it('when they erase with their password, then every session ends, their documents go, and nothing personal is left in plain text anywhere', async () => {
    bystander = await t.register();
    expect((await t.http.post('/api/v1/profiles').set(bystander.auth).send(profileBody())).status).toBe(201);
    const { auth, refresh_token, user_id } = user.session;

    // a stored document file of theirs (documents, issue 11, will write these)
    const fileStore = t.app.container.get<FileStore>(TOKENS.FileStore);
    const file = { user_id, document_type: 'resume', document_id: randomUUID(), name: 'v1.professional.txt' } as const;
    await fileStore.put(file, Buffer.from(`${secrets.profile_name}\n${secrets.employer}`));
    expect((await fileStore.get(file))?.toString()).toContain(secrets.employer);

    expect((await t.http.delete('/api/v1/auth/me').set(auth).send({ password: 'correct horse battery' })).status).toBe(204);

    // their files are gone (and were unreadable from the moment the key was destroyed)
    expect(await fileStore.get(file)).toBeNull();
    expect(existsSync(join(data_dir, 'storage', user_id))).toBe(false);

    // sessions: the access token, the refresh token and the password all stop working
    expect((await t.http.get('/api/v1/auth/me').set(auth)).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refresh_token })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login').send({ email: secrets.account_email, password: 'correct horse battery' })).status).toBe(401);

    // read models: every document of the user is deleted, the bystander's stay
    const readStore = t.app.container.get<ReadStore>(TOKENS.ReadStore);
    await eventually(async () => (await readStore.collection(ProfilesReadModel.collection).find({ user_id })).length === 0, 'the profile is gone');
    await eventually(async () => (await readStore.collection(JobsReadModel.collection).find({ user_id })).length === 0, 'the job is gone');
    await eventually(async () => (await readStore.collection(UsersReadModel.collection).get(user_id)) === null, 'the account is gone');
    expect(leaked(await readModelsText(t), secrets)).toEqual([]);
    expect((await t.http.get('/api/v1/profiles/me').set(bystander.auth)).status).toBe(200);
    expect((await t.http.get(`/api/v1/jobs/${user.job_id}`).set(bystander.auth)).status).toBe(404);

    // the event log and the key file: ciphertext only, and the user's keys are gone
    const files = filesUnder(data_dir).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(leaked(files, secrets)).toEqual([]);
    expect(readFileSync(join(data_dir, 'keys', 'subject-keys.json'), 'utf8')).not.toContain(user_id);

    // history still reads: personal fields show the marker, ids and types stay
    const history = await decodedStream(t, `user-${user_id}`);
    expect(history.map((event) => event.type)).toContain('UserErased');
    expect(history[0].data).toMatchObject({ user_id, email: '[erased]', full_name: '[erased]' });
    expect(history.at(-1)!.data).toMatchObject({ requested_by: 'self', profile_ids: [user.profile_id], job_ids: [user.job_id] });
    const profileHistory = await decodedStream(t, `profile-${user.profile_id}`);
    expect(profileHistory[0].data).toMatchObject({ professional_summary: '[erased]' });

    // the e-mail address is free again, for a new account
    const again = await t.http.post('/api/v1/auth/register').send({ email: secrets.account_email, password: 'another good password', full_name: 'New Person' });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(user_id);
  });

  it('then a full rebuild of every read model (a restart on the same log) works, keeps the erased user out and fails on no event', async () => {
    await t.stop();
    // Without its snapshot, the restart rebuilds every read model from the log.
    rmSync(join(data_dir, 'read-models'), { recursive: true, force: true });
    t = await startTestApp({}, data_dir, ['api', 'projector'], { logger: logs.logger });
    const readStore = t.app.container.get<ReadStore>(TOKENS.ReadStore);
    await eventually(async () => (await t.http.get('/api/v1/profiles/me').set(bystander.auth)).status === 200, "the bystander's profile is back");
    await eventually(async () => (await t.http.get('/api/v1/auth/me').set(bystander.auth)).status === 200, "the bystander's account is back");
    expect(await readStore.collection('projection_failures').count()).toBe(0);
    expect(await readStore.collection(ProfilesReadModel.collection).find({ user_id: user.session.user_id })).toEqual([]);
    expect(await readStore.collection(JobsReadModel.collection).find({ user_id: user.session.user_id })).toEqual([]);
    // the address now belongs to the new account registered above, and only to it
    const { account_email, ...erased } = secrets;
    expect(leaked(await readModelsText(t), { ...erased, account_email: user.session.user_id })).toEqual([]);
    const holders = await readStore.collection(UsersReadModel.collection).find({ email: account_email });
    expect(holders.map((doc) => doc._id)).not.toContain(user.session.user_id);
  });

  it('and the logs of the whole run hold none of it', () => {
    expect(logs.text().length).toBeGreaterThan(0);
    expect(leaked(logs.text(), secrets)).toEqual([]);
  });
});

describe('erasure by an admin: DELETE /api/v1/admin/users/{id}', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAILS: 'Root.Admin@example.com' });
  });
  afterAll(() => t.stop());

  it('given an address in ADMIN_EMAILS, then its tokens and /auth/me carry the admin role; others do not', async () => {
    const admin = await t.register({ email: 'root.admin@example.com' });
    expect((await t.http.get('/api/v1/auth/me').set(admin.auth)).body.roles).toEqual(['user', 'admin']);
    const user = await t.register();
    expect((await t.http.get('/api/v1/auth/me').set(user.auth)).body.roles).toEqual(['user']);
  });

  it('when a user who is not an admin calls it, then 403 and nothing is erased', async () => {
    const victim = await t.register();
    const other = await t.register();
    const refused = await t.http.delete(`/api/v1/admin/users/${victim.user_id}`).set(other.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    expect((await t.http.get('/api/v1/auth/me').set(victim.auth)).status).toBe(200);
  });

  it('when an admin erases a user, then the user is erased; a second call finishes nothing new and still answers 204; an unknown id is 404', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'root.admin@example.com', password: 'correct horse battery' });
    const admin = { Authorization: `Bearer ${login.body.access_token}` };
    const secrets = distinctiveSecrets();
    const user = await userWithPersonalData(t, secrets);
    expect((await t.http.delete(`/api/v1/admin/users/${user.session.user_id}`).set(admin)).status).toBe(204);
    expect((await t.http.get('/api/v1/auth/me').set(user.session.auth)).status).toBe(401);
    const history = await decodedStream(t, `user-${user.session.user_id}`);
    expect(history.filter((event) => event.type === 'UserErased').map((event) => (event.data as { requested_by: string }).requested_by)).toEqual(['admin']);
    expect((await t.http.delete(`/api/v1/admin/users/${user.session.user_id}`).set(admin)).status).toBe(204);
    expect((await decodedStream(t, `user-${user.session.user_id}`)).length).toBe(history.length);
    expect((await t.http.delete('/api/v1/admin/users/00000000-0000-4000-8000-000000000000').set(admin)).status).toBe(404);
  });
});
