import { ConsumedMessage, MessageBus } from '../../src/bus/port';
import { TOKENS } from '../../src/container-tokens';
import { startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { profileBody } from '../support/fixtures';

/**
 * Admin history (issue 13): a stream's events with metadata, the audit across streams, an entity
 * as of a past moment and a diff of two moments; admin-only, every read recorded in the audit,
 * secrets never shown, erased data shown as erased.
 */
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['register']>>;
let user: Awaited<ReturnType<TestApp['register']>>;
let profileId: string;
const ADMIN = '/api/v1/admin';
let createdAt: string;

beforeAll(async () => {
  t = await startTestApp({ ADMIN_EMAILS: 'history.admin@example.com' });
  admin = await t.register({ email: 'history.admin@example.com' });
  user = await t.register();
  const created = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody({ personal_info: { full_name: 'Ada First', email: 'ada@example.com' } }));
  expect(created.status).toBe(201);
  profileId = created.body.id;
  createdAt = created.body.updated_at;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const renamed = await t.http.put(`/api/v1/profiles/${profileId}`).set(user.auth).send({ personal_info: { full_name: 'Ada Second', email: 'ada@example.com' } });
  expect(renamed.status).toBe(200);
});
afterAll(() => t.stop());

const get = (path: string, who = admin) => t.http.get(path).set(who.auth);

describe('only admins', () => {
  it('answers 403 to a signed-in user on every history route, and 401 without a token', async () => {
    for (const path of [`${ADMIN}/streams/profile-${profileId}/events`, `${ADMIN}/audit`, `${ADMIN}/profiles/${profileId}/state`, `${ADMIN}/profiles/${profileId}/diff?from=0&to=1`]) {
      expect((await get(path, user)).status).toBe(403);
      expect((await t.http.get(path)).status).toBe(401);
    }
  });
});

describe('stream history', () => {
  it('lists a stream’s events in order with full metadata, decrypted, paged by revision', async () => {
    const first = await get(`${ADMIN}/streams/profile-${profileId}/events?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ type: 'ProfileCreated', revision: 0, stream_id: `profile-${profileId}`, metadata: { actor: user.user_id } });
    expect(first.body.items[0].metadata.correlation_id).toEqual(expect.any(String));
    expect(first.body.items[0].data.personal_info.full_name).toBe('Ada First');
    expect(first.body.next_revision).toBe(1);
    const rest = await get(`${ADMIN}/streams/profile-${profileId}/events?from_revision=1`);
    expect(rest.body.items.map((e: { type: string }) => e.type)).toEqual(['ProfileUpdated']);
    expect(rest.body.next_revision).toBeNull();
  });

  it('never shows a secret: the password hash of an account is [secret]', async () => {
    const res = await get(`${ADMIN}/streams/user-${user.user_id}/events`);
    const registered = res.body.items.find((e: { type: string }) => e.type === 'UserRegistered');
    expect(registered.data.password_hash).toBe('[secret]');
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt\$/);
  });

  it('refuses a malformed stream name', async () => {
    expect((await get(`${ADMIN}/streams/not-a-stream/events`)).status).toBe(400);
  });
});

describe('time travel', () => {
  it('shows the entity as of a revision, as of a time, and now, folded by its decider', async () => {
    const atCreation = await get(`${ADMIN}/profiles/${profileId}/state?as_of_revision=0`);
    expect(atCreation.status).toBe(200);
    expect(atCreation.body).toMatchObject({ entity: 'profiles', id: profileId, stream: `profile-${profileId}`, revision: 0 });
    expect(atCreation.body.state).toMatchObject({ status: 'active', profile_id: profileId, user_id: user.user_id });
    expect(atCreation.body.view.personal_info.full_name).toBe('Ada First');
    const byTime = await get(`${ADMIN}/profiles/${profileId}/state?as_of=${encodeURIComponent(createdAt)}`);
    expect(byTime.body.revision).toBe(0);
    const now = await get(`${ADMIN}/profiles/${profileId}/state`);
    expect(now.body.revision).toBe(1);
    expect(now.body.view.personal_info.full_name).toBe('Ada Second');
    const account = await get(`${ADMIN}/users/${user.user_id}/state`);
    expect(account.body.state.password_hash).toBe('[secret]');
  });

  it('diffs two moments field by field', async () => {
    const res = await get(`${ADMIN}/profiles/${profileId}/diff?from=0&to=1`);
    expect(res.status).toBe(200);
    expect(res.body.from.revision).toBe(0);
    expect(res.body.to.revision).toBe(1);
    expect(res.body.changes).toContainEqual({ path: 'view.personal_info.full_name', before: 'Ada First', after: 'Ada Second' });
    expect(res.body.changes.every((c: { path: string }) => !c.path.startsWith('view.experiences') && !c.path.startsWith('state.'))).toBe(true);
  });

  it('answers 404 for an id with no history and 400 for a bad entity or two moments at once', async () => {
    expect((await get(`${ADMIN}/profiles/00000000-0000-4000-8000-000000000000/state`)).status).toBe(404);
    expect((await get(`${ADMIN}/invoices/${profileId}/state`)).status).toBe(400);
    const both = await get(`${ADMIN}/profiles/${profileId}/state?as_of_revision=0&as_of=2026-01-01T00:00:00Z`);
    expect(both.status).toBe(400);
    expect((await get(`${ADMIN}/profiles/${profileId}/diff?from=yesterday&to=1`)).status).toBe(400);
  });
});

describe('audit', () => {
  it('filters events across streams by actor, aggregate and type, pages with a cursor, and shows no event data', async () => {
    const mine = await get(`${ADMIN}/audit?actor=${user.user_id}&aggregate=profile`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { event_type: string }) => e.event_type)).toEqual(['ProfileCreated', 'ProfileUpdated']);
    expect(mine.body.items[0]).not.toHaveProperty('data');
    const page1 = await get(`${ADMIN}/audit?actor=${user.user_id}&limit=1`);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await get(`${ADMIN}/audit?actor=${user.user_id}&limit=1&cursor=${page1.body.next_cursor}`);
    expect(page2.body.items[0].position > page1.body.items[0].position).toBe(true);
    const typed = await get(`${ADMIN}/audit?event_type=ProfileUpdated&actor=${user.user_id}`);
    expect(typed.body.items).toHaveLength(1);
    const future = await get(`${ADMIN}/audit?from=2999-01-01T00:00:00Z`);
    expect(future.body.items).toEqual([]);
  });

  it('records every admin read, with its reason, as an event the audit shows', async () => {
    await get(`${ADMIN}/profiles/${profileId}/state?reason=${encodeURIComponent('support ticket 42')}`);
    const reads = await get(`${ADMIN}/audit?aggregate=adminaccess&actor=${admin.user_id}`);
    expect(reads.body.items.length).toBeGreaterThanOrEqual(5);
    expect(reads.body.items.every((e: { event_type: string }) => e.event_type === 'AdminHistoryRead')).toBe(true);
    const stream = await get(`${ADMIN}/streams/adminaccess-${admin.user_id}/events?limit=500`);
    const withReason = stream.body.items.find((e: { data: { reason: string | null } }) => e.data.reason === 'support ticket 42');
    expect(withReason.data).toMatchObject({ action: 'state', target: `profile-${profileId}` });
  });
});

describe('projection operations', () => {
  it('lists every read model’s projection with version, checkpoint, lag and status; admins only', async () => {
    expect((await get(`${ADMIN}/projections`, user)).status).toBe(403);
    const res = await get(`${ADMIN}/projections`);
    expect(res.status).toBe(200);
    const names = res.body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['users_v1', 'profiles_v1', 'jobs_v2', 'generations_v1', 'documents_v1', 'audit_v1']));
    const profiles = res.body.items.find((p: { name: string }) => p.name === 'profiles_v1');
    expect(profiles).toMatchObject({ version: 1, collection: 'profiles_v1', ready: true, events_failed: 0, last_error: null });
    expect(profiles.checkpoint).not.toBe('');
    expect(profiles.lag.events).toBeGreaterThanOrEqual(0);
    expect(profiles.events_applied).toBeGreaterThan(0);
  });
});

describe('status reads in the audit', () => {
  it('records reading the projections and a replay’s progress, with their reasons; a refused or invalid read records nothing', async () => {
    const readsOf = async () =>
      (await get(`${ADMIN}/streams/adminaccess-${admin.user_id}/events?limit=500`)).body.items.map((e: { data: { action: string; target: string; reason: string | null } }) => e.data);
    const earlier = (await readsOf()).length;
    const started = await t.http.post(`${ADMIN}/replays`).set(admin.auth).send({ stream_prefix: `profile-${profileId}` });
    expect((await get(`${ADMIN}/projections?reason=${encodeURIComponent('lag alert 7')}`)).status).toBe(200);
    expect((await get(`${ADMIN}/replays/${started.body.replay_id}?reason=${encodeURIComponent('analytics backfill')}`)).status).toBe(200);
    expect((await get(`${ADMIN}/projections?verbose=1`)).status).toBe(400);
    expect((await get(`${ADMIN}/projections`, user)).status).toBe(403);

    // Since `earlier`: the first read of this stream, the replay and the two status reads; nothing for the 400 and the 403.
    const reads = (await readsOf()).slice(earlier);
    expect(reads).toHaveLength(4);
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'stream_events' }),
        expect.objectContaining({ action: 'replay' }),
        { user_id: admin.user_id, action: 'projections', target: 'projections', reason: 'lag alert 7' },
        { user_id: admin.user_id, action: 'replay_status', target: started.body.replay_id, reason: 'analytics backfill' },
      ]),
    );
  });
});

describe('replays for analytics', () => {
  it('re-publishes a range of history as integration events marked as replays, with progress', async () => {
    const bus = t.app.container.get<MessageBus>(TOKENS.Bus);
    const seen: ConsumedMessage[] = [];
    const consumer = await bus.subscribe({ group_id: `replay-watch-${Date.now()}`, topics: ['jobwise.profiles.v1'], from_beginning: true, handler: async (m) => void seen.push(m) });
    try {
      expect((await t.http.post(`${ADMIN}/replays`).set(user.auth).send({})).status).toBe(403);
      const started = await t.http.post(`${ADMIN}/replays`).set(admin.auth).send({ stream_prefix: `profile-${profileId}` });
      expect(started.status).toBe(202);
      const done = await eventually(async () => {
        const res = await get(`${ADMIN}/replays/${started.body.replay_id}`);
        return res.body.status === 'completed' ? res.body : undefined;
      }, 'the replay');
      expect(done.published).toBe(2);
      const replayed = await eventually(async () => {
        const mine = seen.filter((m) => m.headers.replay_id === started.body.replay_id);
        return mine.length === 2 ? mine : undefined;
      }, 'the replayed messages');
      expect(replayed.map((m) => m.headers.event_type)).toEqual(['profile.created', 'profile.updated']);
      expect(replayed.every((m) => m.headers.replay === 'true')).toBe(true);
      expect((await t.http.post(`${ADMIN}/replays`).set(admin.auth).send({ from_time: '2026-01-01T00:00:00Z', from_position: '1' })).status).toBe(400);
      expect((await get(`${ADMIN}/replays/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    } finally {
      await consumer.stop();
    }
  });
});

describe('erased users in history', () => {
  it('shows an erased user’s personal fields as [erased], never decrypted', async () => {
    const gone = await t.register();
    const p = await t.http.post('/api/v1/profiles').set(gone.auth).send(profileBody({ personal_info: { full_name: 'Erased Person', email: 'gone@example.com' } }));
    expect((await t.http.delete('/api/v1/auth/me').set(gone.auth).send({ password: gone.password })).status).toBe(204);
    const history = await get(`${ADMIN}/streams/profile-${p.body.id}/events`);
    expect(history.body.items[0].data.personal_info.full_name).toBe('[erased]');
    expect(JSON.stringify(history.body)).not.toContain('Erased Person');
    const state = await get(`${ADMIN}/profiles/${p.body.id}/state`);
    expect(JSON.stringify(state.body)).not.toContain('Erased Person');
  });
});
