import { Entity } from '../../contracts/admin/http';
import { startTestApp, TestApp } from '../support/app';
import { documentsOf, generate } from '../support/document-flow';
import { profileBody } from '../support/fixtures';
import { ALL_ROLES } from '../support/generation-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * Issue 13 items 2-4 for every entity the admin routes name (not only profiles): a full history
 * with its metadata, the state as of a revision and as of a time, a diff of two moments; and once
 * the owner is erased, none of it shows their personal data.
 */
const ADMIN = '/api/v1/admin';
const ADMIN_EMAIL = 'travel.admin@example.com';
const NAME = 'Zelda Quillfeather';
const EMAIL = 'zelda.quillfeather@example.com';
const NOTE = 'Zelda asked Quillfeather recruiter';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['register']>>;
const ids = {} as Record<Entity, string>;
const get = (path: string) => t.http.get(path).set(admin.auth);
const ok = <R extends { status: number; body: any }>(res: R, status = 200): R => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

beforeAll(async () => {
  t = await startTestApp({ ADMIN_EMAILS: ADMIN_EMAIL, GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, ALL_ROLES);
  admin = await t.register({ email: ADMIN_EMAIL });
  const user = await t.register({ email: EMAIL, full_name: NAME });
  ids.users = user.user_id;
  ids.profiles = ok(await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody({ personal_info: { full_name: NAME, email: EMAIL } })), 201).body.id;
  ok(await t.http.put(`/api/v1/profiles/${ids.profiles}`).set(user.auth).send({ professional_summary: 'Builds event-sourced backends.' }));
  ids.jobs = ok(await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ status: 'active' })), 201).body.id;
  ok(await t.http.put(`/api/v1/jobs/${ids.jobs}`).set(user.auth).send(jobBody({ title: 'Staff Platform Engineer' })));
  ids.generations = await generate(t, user, ids.profiles, ids.jobs);
  const [document] = await documentsOf(t, user, ids.generations, 1);
  ids.documents = document.id;
  ok(await t.http.put(`/api/v1/documents/${ids.documents}`).set(user.auth).send({ tags: ['applied'] }));
  ids.applications = ok(await t.http.post('/api/v1/job-search/applications').set(user.auth).send({ job_id: ids.jobs, document_id: ids.documents, status: 'preparing' }), 201).body.id;
  ok(await t.http.put(`/api/v1/job-search/applications/${ids.applications}`).set(user.auth).send({ status: 'applied', note: NOTE }));
  // The personal data is there before the erasure, so its absence after it means something.
  const shown = async (entity: Entity) => JSON.stringify((await get(`${ADMIN}/streams/${(await get(`${ADMIN}/${entity}/${ids[entity]}/state`)).body.stream}/events`)).body);
  expect(await shown('users')).toContain(EMAIL);
  expect(await shown('profiles')).toContain(NAME);
  expect(await shown('documents')).toContain(NAME);
  expect(await shown('applications')).toContain(NOTE);
}, 60_000);
afterAll(() => t?.stop());

describe.each(Entity.options)('%s', (entity) => {
  it('has a full history with metadata, a state as of a revision and a time, and a diff', async () => {
    const id = ids[entity];
    const history = ok(await get(`${ADMIN}/streams/${(await get(`${ADMIN}/${entity}/${id}/state`)).body.stream}/events?limit=500`)).body;
    const events = history.items as { revision: number; position: string; metadata: Record<string, unknown> }[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.position)).toEqual([...events.map((e) => e.position)].sort());
    for (const e of events) {
      expect(e.metadata).toEqual(expect.objectContaining({ actor: expect.any(String), correlation_id: expect.any(String), occurred_at: expect.any(String) }));
      expect(e.metadata).toHaveProperty('causation_id');
    }
    const last = events.length - 1;

    const first = ok(await get(`${ADMIN}/${entity}/${id}/state?as_of_revision=0`)).body;
    expect(first).toMatchObject({ entity, id, revision: 0 });
    expect(first.state).not.toBeNull();
    const byTime = ok(await get(`${ADMIN}/${entity}/${id}/state?as_of=${encodeURIComponent(String(events[0].metadata.occurred_at))}`)).body;
    expect(byTime.revision).toBeGreaterThanOrEqual(0);
    expect(byTime.occurred_at).toBe(events[byTime.revision].metadata.occurred_at);
    const now = ok(await get(`${ADMIN}/${entity}/${id}/state`)).body;
    expect(now.revision).toBe(last);

    const changes = ok(await get(`${ADMIN}/${entity}/${id}/diff?from=0&to=${last}`)).body;
    expect(changes).toMatchObject({ from: { revision: 0 }, to: { revision: last } });
    expect(changes.changes.length).toBeGreaterThan(0);
  });
});

describe('once the owner is erased', () => {
  it('no entity’s history, state or diff shows their personal data', async () => {
    const login = ok(await t.http.post('/api/v1/auth/login').send({ email: EMAIL, password: 'correct horse battery' })).body;
    ok(await t.http.delete('/api/v1/auth/me').set({ Authorization: `Bearer ${login.access_token}` }).send({ password: 'correct horse battery' }), 204);
    for (const entity of Entity.options) {
      const id = ids[entity];
      const state = ok(await get(`${ADMIN}/${entity}/${id}/state`)).body;
      const answers = [
        state,
        ok(await get(`${ADMIN}/${entity}/${id}/state?as_of_revision=0`)).body,
        ok(await get(`${ADMIN}/${entity}/${id}/diff?from=0&to=${state.revision}`)).body,
        ok(await get(`${ADMIN}/streams/${state.stream}/events?limit=500`)).body,
      ];
      for (const answer of answers) {
        const text = JSON.stringify(answer);
        expect({ entity, leaks: [NAME, EMAIL, NOTE, 'Quillfeather'].filter((s) => text.includes(s)) }).toEqual({ entity, leaks: [] });
      }
    }
  });
});
