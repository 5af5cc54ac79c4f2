import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { ALL_ROLES, Prepared, userWithProfileAndJob } from '../support/generation-flow';

/**
 * Notifications (issue 14 item 4) on the embedded adapters: the notifier raises them from the
 * generations and documents topics as preferences allow; the owner lists, reads and streams them.
 */
let t: TestApp;
let alice: Prepared;
let bob: Prepared;
const BASE = '/api/v1/notifications';

beforeAll(async () => {
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, [...ALL_ROLES, 'notifier']);
  alice = await userWithProfileAndJob(t);
  bob = await userWithProfileAndJob(t);
}, 60_000);
afterAll(() => t.stop());

const list = (who: Prepared, query = '') => t.http.get(`${BASE}${query}`).set(who.user.auth);
const count = async (who: Prepared, kind: string) => (await list(who, `?kind=${kind}`)).body.total as number;

describe('raised from the topics', () => {
  it('tells the owner when a generation completes, and when someone opens a shared document; nobody else', async () => {
    const generation = await generate(t, alice.user, alice.profile_id, alice.job_id);
    await eventually(async () => ((await count(alice, 'generation_completed')) === 1 ? true : undefined), 'the completion notification');
    const page = (await list(alice)).body;
    expect(page.items[0]).toMatchObject({ kind: 'generation_completed', read: false, refs: { generation_id: generation }, read_at: null });
    expect(page.unread_total).toBe(1);

    const [doc] = await documentsOf(t, alice.user, generation, 1);
    const share = await t.http.post(`/api/v1/documents/${doc.id}/share`).set(alice.user.auth).send({});
    await t.http.get(share.body.url);
    await eventually(async () => ((await count(alice, 'share_viewed')) === 1 ? true : undefined), 'the share-view notification');
    expect((await list(bob)).body.total).toBe(0);
  });

  it('respects preferences: a kind turned off is not raised', async () => {
    const off = await t.http.put(`${BASE}/preferences`).set(bob.user.auth).send({ kinds: { generation_completed: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ kinds: { generation_completed: false, generation_failed: true, share_viewed: true, job_alert: true }, digest: 'instant' });
    await generate(t, bob.user, bob.profile_id, bob.job_id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(bob, 'generation_completed')).toBe(0);
    expect((await t.http.get(`${BASE}/preferences`).set(bob.user.auth)).body.kinds.generation_completed).toBe(false);
    expect((await t.http.put(`${BASE}/preferences`).set(bob.user.auth).send({ digest: 'hourly' })).status).toBe(400);
    expect((await t.http.put(`${BASE}/preferences`).set(bob.user.auth).send({})).status).toBe(400);
  });
});

describe('reading them', () => {
  it('marks one read (others cannot), lists unread first, and read-all marks the rest', async () => {
    const page = (await list(alice)).body;
    const first = page.items[0];
    expect((await t.http.post(`${BASE}/${first.id}/read`).set(bob.user.auth)).status).toBe(404);
    expect((await t.http.post(`${BASE}/${first.id}/read`).set(alice.user.auth)).status).toBe(204);
    const after = (await list(alice)).body;
    expect(after.unread_total).toBe(page.unread_total - 1);
    expect(after.items.at(-1)).toMatchObject({ id: first.id, read: true });
    expect((await list(alice, '?unread=true')).body.items.every((n: { read: boolean }) => !n.read)).toBe(true);
    const all = await t.http.post(`${BASE}/read-all`).set(alice.user.auth);
    expect(all.body.marked).toBe(after.unread_total);
    expect((await list(alice)).body.unread_total).toBe(0);
    expect((await t.http.post(`${BASE}/${randomUUID()}/read`).set(alice.user.auth)).status).toBe(404);
    expect((await t.http.post(`${BASE}/not-a-uuid/read`).set(alice.user.auth)).status).toBe(400);
  });

  it('streams new notifications as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      const req = t.http
        .get(`${BASE}/stream`)
        .set(alice.user.auth)
        .buffer(false)
        .parse((res, done) => {
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: notification')) {
              resolve(text);
              (res as unknown as { destroy(): void }).destroy();
            }
          });
          res.on('end', () => done(null, text));
          res.on('error', () => done(null, text));
        });
      req.catch(() => undefined);
      setTimeout(() => reject(new Error(`no notification streamed: ${text}`)), 20_000);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await generate(t, alice.user, alice.profile_id, alice.job_id);
    const text = await received;
    const data = JSON.parse(text.split('event: notification\n')[1].split('\n').find((line) => line.startsWith('data: '))!.slice(6));
    expect(data).toMatchObject({ kind: 'generation_completed', read: false });
  });
});
