import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { ALL_ROLES, Prepared, userWithProfileAndJob } from '../support/generation-flow';
import { profileBody } from '../support/fixtures';

/**
 * Application tracking end to end on the embedded adapters: creation against your job or a
 * catalogue job and a document version, list filters and totals, the status timeline and its
 * refused transitions, ownership, the funnel, and the document version kept after the document
 * moved on.
 */
const DAY_MS = 86_400_000;
let offset_ms = 0;
const clock = { now: () => new Date(Date.now() + offset_ms) };

const BASE = '/api/v1/job-search/applications';
const OLD_NAME = 'Ada Example';
const NEW_NAME = 'Ada Quokkaberg';

let t: TestApp;
let alice: Prepared;
let bob: Prepared;
let resumeId: string;
let applicationId: string;

/** supertest's parser for any body as text bytes. */
const parseBinary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
const text = (res: { body: unknown }) => (res.body as Buffer).toString('utf8');

beforeAll(async () => {
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, ALL_ROLES, { clock });
  alice = await userWithProfileAndJob(t);
  bob = await userWithProfileAndJob(t);
  const generation = await generate(t, alice.user, alice.profile_id, alice.job_id);
  [{ id: resumeId }] = await documentsOf(t, alice.user, generation, 1);
}, 60_000);
afterAll(() => t.stop());

describe('creating an application', () => {
  it('records the job, the status, the notes and the document at its current version, with a timeline that starts there', async () => {
    const res = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, document_id: resumeId, status: 'applied', notes: 'Referred by Grace' });
    expect(res.status).toBe(201);
    applicationId = res.body.id;
    expect(res.headers.location).toBe(`${BASE}/${applicationId}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({ job_id: alice.job_id, document_id: resumeId, document_version: 1, status: 'applied', notes: 'Referred by Grace', version: 1 });
    expect(res.body.applied_date).toBe(clock.now().toISOString().slice(0, 10));
    expect(res.body.timeline).toEqual([{ from: null, to: 'applied', at: res.body.created_at, note: null }]);
    expect(res.body).not.toHaveProperty('user_id');
  });

  it('takes a catalogue job by its name, and no document', async () => {
    const res = await t.http.post(BASE).set(alice.user.auth).send({ job_id: 'static-001', status: 'not_applied', applied_date: '2026-11-02' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ document_id: null, document_version: null, status: 'not_applied', applied_date: '2026-11-02' });
    expect(res.body.job_id).toMatch(/^[0-9a-f-]{36}$/);
    const file = await t.http.get(`${BASE}/${res.body.id}/document`).set(alice.user.auth);
    expect(file.status).toBe(404);
  });

  it('refuses a job or a document that is not yours, and a version the document does not have (404)', async () => {
    const job = await t.http.post(BASE).set(bob.user.auth).send({ job_id: alice.job_id, status: 'preparing' });
    expect(job.status).toBe(404);
    expect(job.body.code).toBe('JOB.NOT_FOUND');
    const doc = await t.http.post(BASE).set(bob.user.auth).send({ job_id: bob.job_id, document_id: resumeId, status: 'preparing' });
    expect(doc.status).toBe(404);
    expect(doc.body.code).toBe('DOCUMENT.NOT_FOUND');
    const version = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, document_id: resumeId, document_version: 99, status: 'applied' });
    expect(version.status).toBe(404);
    expect(version.body.code).toBe('DOCUMENT.VERSION_NOT_FOUND');
  });

  it('names every bad field (400)', async () => {
    const bad = await t.http
      .post(BASE)
      .set(alice.user.auth)
      .send({ document_id: 'nope', document_version: 0, status: 'hired', applied_date: '2026-02-30', notes: 'x'.repeat(5001), extra: 1 });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.job_id', 'body.document_id', 'body.document_version', 'body.status', 'body.applied_date', 'body.notes']));
    const versionAlone = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, document_version: 1, status: 'applied' });
    expect(versionAlone.status).toBe(400);
    expect(versionAlone.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.document_version']);
    const empty = await t.http.put(`${BASE}/${applicationId}`).set(alice.user.auth).send({});
    expect(empty.status).toBe(400);
    const noteAlone = await t.http.put(`${BASE}/${applicationId}`).set(alice.user.auth).send({ note: 'hello', notes: 'x' });
    expect(noteAlone.status).toBe(400);
    expect(noteAlone.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.note']);
    const query = await t.http.get(`${BASE}?status=hired&limit=0&job_id=x`).set(alice.user.auth);
    expect(query.status).toBe(400);
    expect(query.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['query.status', 'query.limit', 'query.job_id']));
  });
});

describe('the status timeline', () => {
  it('records each allowed change with from, to, time and note; notes change alongside', async () => {
    const res = await t.http.put(`${BASE}/${applicationId}`).set(alice.user.auth).set('If-Match', '"1"').send({ status: 'interviewing', note: 'Phone screen booked', notes: 'Ask about on-call' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'interviewing', notes: 'Ask about on-call', version: 3 });
    expect(res.body.timeline.map(({ from, to, note }: { from: string; to: string; note: string }) => [from, to, note])).toEqual([
      [null, 'applied', null],
      ['applied', 'interviewing', 'Phone screen booked'],
    ]);
    const got = await t.http.get(`${BASE}/${applicationId}`).set(alice.user.auth);
    expect(got.body).toEqual(res.body);
    expect(got.headers.etag).toBe('"3"');
  });

  it('refuses a transition the table does not allow (409) and a stale If-Match (412)', async () => {
    const back = await t.http.put(`${BASE}/${applicationId}`).set(alice.user.auth).send({ status: 'preparing' });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('APPLICATION.INVALID_TRANSITION');
    expect(back.body.detail).toBe('An application cannot go from interviewing to preparing: it can move to offer_received, rejected, withdrawn');
    const stale = await t.http.put(`${BASE}/${applicationId}`).set(alice.user.auth).set('If-Match', '"1"').send({ notes: 'late' });
    expect(stale.status).toBe(412);
  });

  it('keeps final statuses final', async () => {
    const created = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, status: 'applied' });
    const withdrawn = await t.http.put(`${BASE}/${created.body.id}`).set(alice.user.auth).send({ status: 'withdrawn' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await t.http.put(`${BASE}/${created.body.id}`).set(alice.user.auth).send({ status: 'applied' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/withdrawn is final/);
  });
});

describe('listing', () => {
  it('lists yours newest first, filtered by status and job, with true totals', async () => {
    const all = await t.http.get(BASE).set(alice.user.auth);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    const times = all.body.items.map((a: { created_at: string }) => a.created_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.body.items[0]).not.toHaveProperty('timeline');
    const page = await t.http.get(`${BASE}?limit=1&offset=1`).set(alice.user.auth);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
    const interviewing = await t.http.get(`${BASE}?status=interviewing`).set(alice.user.auth);
    expect(interviewing.body.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
    const byJob = await t.http.get(`${BASE}?job_id=${alice.job_id}&limit=1`).set(alice.user.auth);
    expect(byJob.body.total).toBe(2);
    expect(byJob.body.items).toHaveLength(1);
    const bobs = await t.http.get(BASE).set(bob.user.auth);
    expect(bobs.body).toMatchObject({ total: 0, items: [] });
  });
});

describe("another user's application", () => {
  it('is missing on every route (404)', async () => {
    const path = `${BASE}/${applicationId}`;
    const answers = await Promise.all([
      t.http.get(path).set(bob.user.auth),
      t.http.put(path).set(bob.user.auth).send({ notes: 'mine now' }),
      t.http.put(path).set(bob.user.auth).set('If-Match', '"3"').send({ status: 'withdrawn' }),
      t.http.get(`${path}/document?format=txt`).set(bob.user.auth),
      t.http.delete(path).set(bob.user.auth),
    ]);
    expect(answers.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([404, 'APPLICATION.NOT_FOUND']));
    const still = await t.http.get(path).set(alice.user.auth);
    expect(still.body).toMatchObject({ status: 'interviewing', notes: 'Ask about on-call', version: 3 });
  });
});

describe('the document version sent', () => {
  it('downloads exactly the recorded version after the document got newer ones', async () => {
    const changed = await t.http
      .put(`/api/v1/profiles/${alice.profile_id}`)
      .set(alice.user.auth)
      .send({ personal_info: { ...profileBody().personal_info, full_name: NEW_NAME } });
    expect(changed.status).toBe(200);
    await generate(t, alice.user, alice.profile_id, alice.job_id);
    await eventually(async () => {
      const doc = await t.http.get(`/api/v1/documents/${resumeId}`).set(alice.user.auth);
      return doc.body.current_version === 2 ? true : undefined;
    }, 'version 2 of the resume');
    const restored = await t.http.post(`/api/v1/documents/${resumeId}/versions/2/restore`).set(alice.user.auth);
    expect(restored.body.current_version).toBe(3);

    const sent = await t.http.get(`${BASE}/${applicationId}/document?format=txt`).set(alice.user.auth).buffer(true).parse(parseBinary);
    expect(sent.status).toBe(200);
    expect(sent.headers['content-type']).toMatch(/^text\/plain/);
    expect(sent.headers['content-disposition']).toMatch(/^attachment;/);
    const v1 = await t.http.get(`/api/v1/documents/${resumeId}/download?format=txt&version=1`).set(alice.user.auth).buffer(true).parse(parseBinary);
    const current = await t.http.get(`/api/v1/documents/${resumeId}/download?format=txt`).set(alice.user.auth).buffer(true).parse(parseBinary);
    expect(text(sent)).toBe(text(v1));
    expect(text(sent)).toContain(OLD_NAME);
    expect(text(sent)).not.toContain(NEW_NAME);
    expect(text(current)).toContain(NEW_NAME);

    const later = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, document_id: resumeId, status: 'preparing' });
    expect(later.body.document_version).toBe(3);
    const pinned = await t.http.post(BASE).set(alice.user.auth).send({ job_id: alice.job_id, document_id: resumeId, document_version: 2, status: 'preparing' });
    expect(pinned.body.document_version).toBe(2);
    for (const id of [later.body.id, pinned.body.id]) expect((await t.http.delete(`${BASE}/${id}`).set(alice.user.auth)).status).toBe(204);
  }, 60_000);
});

describe('the funnel', () => {
  it('counts per status, the response rate of applied applications and the median days between stages', async () => {
    const carol = await t.register();
    const at = async (day: number, send: () => Promise<request.Response>) => {
      offset_ms = day * DAY_MS;
      const res = await send();
      expect([200, 201]).toContain(res.status);
      return res.body.id as string;
    };
    const create = (status: string) => () => t.http.post(BASE).set(carol.auth).send({ job_id: 'static-001', status });
    const move = (id: string, status: string) => () => t.http.put(`${BASE}/${id}`).set(carol.auth).send({ status });
    try {
      const c1 = await at(0, create('applied'));
      const c2 = await at(0, create('preparing'));
      const c3 = await at(0, create('applied'));
      const c4 = await at(0, create('applied'));
      await at(0, create('not_applied'));
      await at(1, move(c2, 'applied'));
      await at(1, move(c4, 'withdrawn'));
      await at(2, move(c3, 'rejected'));
      await at(3, move(c1, 'interviewing'));
      await at(6, move(c2, 'interviewing'));
      await at(10, move(c1, 'offer_received'));
    } finally {
      offset_ms = 0;
    }
    const res = await t.http.get(`${BASE}/stats`).set(carol.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 5,
      by_status: { not_applied: 1, preparing: 0, applied: 0, interviewing: 1, offer_received: 1, accepted: 0, rejected: 1, withdrawn: 1 },
      applied: 4,
      responded: 3,
      response_rate: 0.75,
      median_days: [
        { from: 'applied', to: 'interviewing', applications: 2, median_days: 4 },
        { from: 'interviewing', to: 'offer_received', applications: 1, median_days: 7 },
        { from: 'offer_received', to: 'accepted', applications: 0, median_days: null },
      ],
    });
    const bobs = await t.http.get(`${BASE}/stats`).set(bob.user.auth);
    expect(bobs.body).toMatchObject({ total: 0, applied: 0, response_rate: null });
  });
});

describe('deleting', () => {
  it('removes your application; it is then missing', async () => {
    const del = await t.http.delete(`${BASE}/${applicationId}`).set(alice.user.auth);
    expect(del.status).toBe(204);
    expect((await t.http.get(`${BASE}/${applicationId}`).set(alice.user.auth)).status).toBe(404);
    expect((await t.http.delete(`${BASE}/${applicationId}`).set(alice.user.auth)).status).toBe(404);
    const doc = await t.http.get(`/api/v1/documents/${resumeId}`).set(alice.user.auth);
    expect(doc.status).toBe(200);
  });
});
