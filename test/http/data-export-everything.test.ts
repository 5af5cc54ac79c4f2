import { startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { ALL_ROLES, Prepared, userWithProfileAndJob } from '../support/generation-flow';

/**
 * The data export covers every slice that keeps a user's data: generations with their content,
 * documents with every version and their share links, applications with their timeline, saved
 * searches and job alerts, notifications and preferences. Never another user's, never a share link's token or password.
 */
let t: TestApp;
let alice: Prepared;
let bob: Prepared;

beforeAll(async () => {
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, [...ALL_ROLES, 'notifier']);
  alice = await userWithProfileAndJob(t);
  bob = await userWithProfileAndJob(t);
}, 60_000);
afterAll(() => t?.stop());

describe('GET /api/v1/auth/me/export, after generations, documents, applications and notifications', () => {
  it('given a user who generated, shared, applied and was notified, then the export holds all of it and nothing of another user', async () => {
    const generation_id = await generate(t, alice.user, alice.profile_id, alice.job_id);
    const [document] = await documentsOf(t, alice.user, generation_id);
    const share = await t.http.post(`/api/v1/documents/${document.id}/share`).set(alice.user.auth).send({ permissions: ['view'], password: 'open sesame 42' });
    expect(share.status).toBe(201);
    const applied = await t.http
      .post('/api/v1/job-search/applications')
      .set(alice.user.auth)
      .send({ job_id: alice.job_id, document_id: document.id, status: 'applied', notes: 'Sent through the careers page' });
    expect(applied.status).toBe(201);
    const saved = await t.http.post('/api/v1/job-search/save-criteria').set(alice.user.auth).send({ name: 'Berlin platform roles', query: 'platform engineer', filters: { location: 'Berlin' } });
    expect(saved.status).toBe(201);
    const alert = await t.http.post('/api/v1/job-search/alerts').set(alice.user.auth).send({ criteria_id: saved.body.id, frequency: 'daily' });
    expect(alert.status).toBe(201);
    const bobGeneration = await generate(t, bob.user, bob.profile_id, bob.job_id);
    await documentsOf(t, bob.user, bobGeneration);

    const exported = await eventually(async () => {
      const res = await t.http.get('/api/v1/auth/me/export').set(alice.user.auth);
      return res.status === 200 && res.body.applications.length === 1 && res.body.job_alerts.length === 1 && res.body.notifications.items.length > 0 ? res : undefined;
    }, 'the export with the application and the notification');
    const body = exported.body;

    expect(body.generations.map((g: { id: string }) => g.id)).toEqual([generation_id]);
    expect(body.generations[0]).toMatchObject({ status: 'completed', job_id: alice.job_id });
    expect(body.generations[0].result.resume.sections.length).toBeGreaterThan(0);
    expect(body.generations[0]._applied).toBeUndefined();

    expect(body.documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    expect(body.documents[0].versions).toHaveLength(1);
    expect(body.documents[0].versions[0].resume.sections.length).toBeGreaterThan(0);
    expect(body.documents[0].shares).toEqual([expect.objectContaining({ share_id: share.body.share_id, password_protected: true })]);

    expect(body.applications).toEqual([expect.objectContaining({ id: applied.body.id, status: 'applied', document_id: document.id, notes: 'Sent through the careers page' })]);
    expect(body.applications[0].timeline).toHaveLength(1);

    expect(body.saved_searches).toEqual([expect.objectContaining({ id: saved.body.id, name: 'Berlin platform roles', query: 'platform engineer' })]);
    expect(body.job_alerts).toEqual([expect.objectContaining({ id: alert.body.id, criteria_id: saved.body.id, frequency: 'daily' })]);

    expect(body.notifications.items.map((n: { kind: string }) => n.kind)).toContain('generation_completed');
    expect(body.notifications.preferences.kinds.generation_completed).toBe(true);

    const text = exported.text;
    expect(text).not.toContain(bob.user.user_id);
    expect(text).not.toContain(bobGeneration);
    expect(text).not.toContain(share.body.url.split('/').pop());
    expect(text).not.toMatch(/token_hash|password_hash|open sesame/);
  }, 60_000);
});
