import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JobAlertsReadModel } from '../../contracts/job-search/alerts';
import { SAVED_SEARCH_LIMIT, SavedSearchesReadModel } from '../../contracts/job-search/saved-searches';
import { TOKENS } from '../../src/container-tokens';
import { EventStore } from '../../src/event-store/port';
import { EventSerializer } from '../../src/event-store/serializer';
import { ReadStore } from '../../src/read-store/port';
import { CommandHandler } from '../../src/shared/command-handler';
import { Session, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * Saved searches and job alerts (issue 14 item 2) on the embedded adapters, with the relay and
 * the notifier role: the routes (owned, validated, limited) and an instant alert raised from a
 * new job by the matcher.
 */
let t: TestApp;
let alice: Session;
let bob: Session;
const SEARCHES = '/api/v1/job-search/save-criteria';
const ALERTS = '/api/v1/job-search/alerts';

beforeAll(async () => {
  t = await startTestApp({}, undefined, ['api', 'projector', 'relay', 'notifier']);
  [alice, bob] = await Promise.all([t.register(), t.register()]);
}, 60_000);
afterAll(() => t.stop());

const save = (who: Session, body: Record<string, unknown>) => t.http.post(SEARCHES).set(who.auth).send(body);
const alertOn = (who: Session, criteria_id: string, frequency = 'instant') => t.http.post(ALERTS).set(who.auth).send({ criteria_id, frequency });
const fields = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();
const jobAlerts = async (who: Session) => (await t.http.get('/api/v1/notifications?kind=job_alert').set(who.auth)).body.items as { refs: { job_id?: string } }[];

describe('saved searches', () => {
  it('saves, lists and shows a search of yours; another user gets 404', async () => {
    const created = await save(alice, { name: 'Remote platform', query: 'kubernetes', filters: { remote: 'remote', salary_min: 50000, skills: ['k8s'] } });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${SEARCHES}/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Remote platform', query: 'kubernetes', filters: { remote: 'remote', salary_min: 50000, skills: ['k8s'] }, version: 1 });
    const list = await t.http.get(SEARCHES).set(alice.auth);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    expect((await t.http.get(SEARCHES).set(bob.auth)).body.total).toBe(0);
    expect((await t.http.get(`${SEARCHES}/${created.body.id}`).set(alice.auth)).status).toBe(200);
    expect((await t.http.get(`${SEARCHES}/${created.body.id}`).set(bob.auth)).status).toBe(404);
    expect((await t.http.delete(`${SEARCHES}/${created.body.id}`).set(bob.auth)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming every bad field', async () => {
    const bad = await save(alice, { query: 'x'.repeat(201), filters: { remote: 'mars', salary_min: -1, posted_within_days: 0 }, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(bad)).toEqual(expect.arrayContaining(['body.colour', 'body.name', 'body.query', 'body.filters.remote', 'body.filters.salary_min', 'body.filters.posted_within_days']));
    const blank = await save(alice, { name: '   ', query: 'the' });
    expect(blank.status).toBe(400);
    // well-formed but nothing a search could look for: understood, nothing to work with
    const stopWords = await save(alice, { name: 'nothing', query: 'the and of' });
    expect(stopWords.status).toBe(422);
    expect(fields(stopWords)).toEqual(['body.query']);
    expect((await t.http.get(`${SEARCHES}/not-a-uuid`).set(alice.auth)).status).toBe(400);
  });

  it(`keeps at most ${SAVED_SEARCH_LIMIT} per user (409 beyond), counted per user`, async () => {
    const carol = await t.register();
    for (let i = 0; i < SAVED_SEARCH_LIMIT; i++) expect((await save(carol, { name: `search ${i}` })).status).toBe(201);
    const over = await save(carol, { name: 'one more' });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('SAVED_SEARCH.LIMIT_REACHED');
    expect((await save(bob, { name: 'bob is fine' })).status).toBe(201);
  });
});

describe('alerts', () => {
  it('creates one alert per saved search of yours; pauses, resumes and deletes it; others get 404', async () => {
    const search = (await save(alice, { name: 'Anything' })).body;
    const bobs = (await save(bob, { name: 'Bob' })).body;
    expect((await alertOn(alice, bobs.id)).status).toBe(404);
    const created = await alertOn(alice, search.id, 'weekly');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ criteria_id: search.id, frequency: 'weekly', paused: false });
    const again = await alertOn(alice, search.id, 'daily');
    expect([again.status, again.body.code]).toEqual([409, 'JOB_ALERT.ALREADY_EXISTS']);

    const id = created.body.id;
    for (const action of ['pause', 'resume']) expect((await t.http.post(`${ALERTS}/${id}/${action}`).set(bob.auth)).status).toBe(404);
    expect((await t.http.delete(`${ALERTS}/${id}`).set(bob.auth)).status).toBe(404);
    expect((await t.http.get(`${ALERTS}/${id}`).set(bob.auth)).status).toBe(404);
    expect((await t.http.post(`${ALERTS}/${id}/pause`).set(alice.auth)).body.paused).toBe(true);
    expect((await t.http.post(`${ALERTS}/${id}/pause`).set(alice.auth)).body.paused).toBe(true);
    expect((await t.http.post(`${ALERTS}/${id}/resume`).set(alice.auth)).body.paused).toBe(false);
    expect((await t.http.get(`${ALERTS}?criteria_id=${search.id}`).set(alice.auth)).body.total).toBe(1);
    expect((await t.http.get(ALERTS).set(bob.auth)).body.total).toBe(0);
    expect((await t.http.delete(`${ALERTS}/${id}`).set(alice.auth)).status).toBe(204);
    expect((await t.http.get(`${ALERTS}/${id}`).set(alice.auth)).status).toBe(404);
    expect((await t.http.post(`${ALERTS}/${id}/resume`).set(alice.auth)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming every bad field', async () => {
    const bad = await t.http.post(ALERTS).set(alice.auth).send({ criteria_id: 'nope', frequency: 'hourly', extra: 1 });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['body.criteria_id', 'body.frequency', 'body.extra']));
    expect((await alertOn(alice, randomUUID())).status).toBe(404);
    expect((await t.http.post(`${ALERTS}/not-a-uuid/pause`).set(alice.auth)).status).toBe(400);
  });

  it('deleting a saved search deletes its alerts', async () => {
    const search = (await save(alice, { name: 'Short-lived' })).body;
    const alert = (await alertOn(alice, search.id, 'daily')).body;
    expect((await t.http.delete(`${SEARCHES}/${search.id}`).set(alice.auth)).status).toBe(204);
    expect((await t.http.get(`${SEARCHES}/${search.id}`).set(alice.auth)).status).toBe(404);
    await eventually(async () => ((await t.http.get(`${ALERTS}/${alert.id}`).set(alice.auth)).status === 404 ? true : undefined), 'the alert deleted');
    expect((await t.http.get(`${ALERTS}?criteria_id=${search.id}`).set(alice.auth)).body.total).toBe(0);
  });

  it("raises an instant job_alert for a new matching job; never for another user's private job", async () => {
    const dave = await t.register();
    const erin = await t.register();
    const daves = (await save(dave, { name: 'k8s', query: 'kubernetes' })).body;
    const erins = (await save(erin, { name: 'everything' })).body;
    expect((await alertOn(dave, daves.id)).status).toBe(201);
    expect((await alertOn(erin, erins.id)).status).toBe(201);

    const job = await t.http.post('/api/v1/jobs').set(dave.auth).send(jobBody({ status: 'active' }));
    expect(job.status).toBe(201);
    const [alert] = await eventually(async () => {
      const found = await jobAlerts(dave);
      return found.length > 0 ? found : undefined;
    }, "dave's job alert");
    expect(alert.refs.job_id).toBe(job.body.id);

    // erin's own job: her alert fires for it, and only for it (dave's job is private to dave)
    const own = await t.http.post('/api/v1/jobs').set(erin.auth).send(jobBody({ status: 'active', title: 'Data Engineer' }));
    const erinsAlerts = await eventually(async () => {
      const found = await jobAlerts(erin);
      return found.length > 0 ? found : undefined;
    }, "erin's job alert");
    expect(erinsAlerts.map((n) => n.refs.job_id)).toEqual([own.body.id]);
    expect(await jobAlerts(dave)).toHaveLength(1);
  });
});

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

describe('erasure', () => {
  it("stores a saved search's name and query encrypted, and erasing the user deletes their searches and alerts and makes the text unreadable", async () => {
    const frank = await t.register();
    const secret = { name: `Lanterns in Zephyrville ${randomUUID().slice(0, 8)}`, query: `quillfeather${randomUUID().slice(0, 8)}` };
    const search = (await save(frank, secret)).body;
    expect((await alertOn(frank, search.id, 'daily')).status).toBe(201);
    const onDisk = () => filesUnder(t.data_dir).map((file) => readFileSync(file, 'latin1')).join('\n');
    expect(onDisk()).not.toContain(secret.name);
    expect(onDisk()).not.toContain(secret.query);

    expect((await t.http.delete('/api/v1/auth/me').set(frank.auth).send({ password: frank.password })).status).toBe(204);
    const readStore = t.app.container.get<ReadStore>(TOKENS.ReadStore);
    await eventually(async () => ((await readStore.collection(SavedSearchesReadModel.collection).find({ user_id: frank.user_id })).length === 0 ? true : undefined), 'the saved search gone');
    await eventually(async () => ((await readStore.collection(JobAlertsReadModel.collection).find({ user_id: frank.user_id })).length === 0 ? true : undefined), 'the alert gone');
    const commands = t.app.container.get<CommandHandler>(TOKENS.CommandHandler);
    const serializer: EventSerializer = commands.serializer;
    const [created] = await t.app.container.get<EventStore>(TOKENS.EventStore).readStream(`savedsearch-${search.id}`);
    const opened = await serializer.deserialize(created);
    expect(opened.data).toMatchObject({ search_id: search.id, name: '[erased]', query: '[erased]' });
  });
});
