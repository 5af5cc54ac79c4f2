import { randomUUID } from 'node:crypto';
import { staticJobId } from '../../src/jobs/catalogue/catalogue';
import { Session, startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { ALL_ROLES, untilFinished } from '../support/generation-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * `t` runs no process manager, so a generation stays pending until a test changes it; the
 * completed generations at the end run in their own app with every role (the relay feeds the
 * process manager), stages without their simulated delay.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' });
});
afterAll(() => t.stop());

const BASE = '/api/v1/generations';
const STATIC_ID = staticJobId('static-001');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Owner {
  user: Session;
  profile_id: string;
  job_id: string;
}

async function owner(profile: Record<string, unknown> = profileBody(), app: TestApp = t): Promise<Owner> {
  const user = await app.register();
  const p = await app.http.post('/api/v1/profiles').set(user.auth).send(profile);
  expect(p.status).toBe(201);
  const j = await app.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ status: 'active' }));
  expect(j.status).toBe(201);
  return { user, profile_id: p.body.id, job_id: j.body.id };
}

async function requestResume(o: Owner, extra: Record<string, unknown> = {}, app: TestApp = t) {
  const res = await app.http.post(`${BASE}/resume`).set(o.user.auth).send({ profile_id: o.profile_id, job_id: o.job_id, ...extra });
  expect(res.status).toBe(202);
  return res;
}

const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path);

let alice: Owner;
let bob: Owner;
beforeAll(async () => {
  alice = await owner();
  bob = await owner();
});

describe('POST /api/v1/generations/resume', () => {
  it('answers 202 with the pending generation, its Location, and the versions it draws on', async () => {
    const res = await requestResume(alice, { template_preference: 'technical', generation_options: { focus_areas: ['Kubernetes'] } });
    expect(res.headers.location).toBe(`${BASE}/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'resume',
      status: 'pending',
      current_stage: null,
      progress: 0,
      profile_id: alice.profile_id,
      profile_version: 1,
      job_id: alice.job_id,
      job_version: 2,
      parent_id: null,
      options: { template: 'technical', focus_areas: ['Kubernetes'], max_length: 600, include_cover_letter: false },
      ats_score: null,
      failure: null,
      completed_at: null,
      version: 1,
    });
    expect(res.body.stages.map((s: { stage: string; status: string }) => [s.stage, s.status])).toEqual([
      ['job_analysis', 'waiting'],
      ['profile_compilation', 'waiting'],
      ['content_generation', 'waiting'],
      ['quality_validation', 'waiting'],
      ['export_preparation', 'waiting'],
    ]);
    expect(res.body).not.toHaveProperty('user_id');
    expect(res.body).not.toHaveProperty('result');
    const get = await t.http.get(res.headers.location).set(alice.user.auth);
    expect(get.status).toBe(200);
    expect(get.body.id).toBe(res.body.id);
  });

  it('applies the defaults', async () => {
    const res = await requestResume(alice);
    expect(res.body.options).toEqual({
      template: 'professional',
      focus_areas: [],
      max_length: 600,
      include_cover_letter: false,
      tone: 'professional',
      cover_letter_max_length: 400,
    });
  });

  it('takes a catalogue job by its id or its name', async () => {
    const byId = await requestResume(alice, { job_id: STATIC_ID });
    expect(byId.body.job_id).toBe(STATIC_ID);
    const byName = await requestResume(alice, { job_id: 'static-001' });
    expect(byName.body.job_id).toBe(STATIC_ID);
  });

  it('lists every invalid field', async () => {
    const res = await t.http
      .post(`${BASE}/resume`)
      .set(alice.user.auth)
      .send({ profile_id: 'nope', job_id: 'not a job', template_preference: 'fancy', generation_options: { max_length: 50, focus_areas: [''] }, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(paths(res)).toEqual(
      expect.arrayContaining([
        'body.profile_id',
        'body.job_id',
        'body.template_preference',
        'body.generation_options.max_length',
        'body.generation_options.focus_areas.0',
        'body.extra',
      ]),
    );
  });

  it('is 404 for a profile or a job that is not yours, or does not exist', async () => {
    const send = (body: Record<string, unknown>) => t.http.post(`${BASE}/resume`).set(alice.user.auth).send(body);
    const cases = [
      [{ profile_id: bob.profile_id, job_id: alice.job_id }, 'PROFILE.NOT_FOUND'],
      [{ profile_id: UNKNOWN_ID, job_id: alice.job_id }, 'PROFILE.NOT_FOUND'],
      [{ profile_id: alice.profile_id, job_id: bob.job_id }, 'JOB.NOT_FOUND'],
      [{ profile_id: alice.profile_id, job_id: UNKNOWN_ID }, 'JOB.NOT_FOUND'],
      [{ profile_id: alice.profile_id, job_id: 'static-999' }, 'JOB.NOT_FOUND'],
    ] as const;
    for (const [body, code] of cases) {
      const res = await send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 404, code });
    }
  });

  it('is 422 for a profile with nothing to draw on, naming what is missing', async () => {
    const empty = await owner(profileBody({ experiences: [], projects: [], education: [], skills: { technical: [], soft: [], languages: [], certifications: [] } }));
    const res = await t.http.post(`${BASE}/resume`).set(empty.user.auth).send({ profile_id: empty.profile_id, job_id: empty.job_id });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('GENERATION.PROFILE_INCOMPLETE');
    expect(paths(res)).toEqual(['profile.experiences', 'profile.projects', 'profile.skills']);
    expect((await t.http.get(BASE).set(empty.user.auth)).body.total).toBe(0);
  });

  it('is 401 without a token', async () => {
    expect((await t.http.post(`${BASE}/resume`).send({ profile_id: alice.profile_id, job_id: alice.job_id })).status).toBe(401);
  });
});

describe('POST /api/v1/generations/cover-letter', () => {
  it('answers 202 with a pending cover-letter generation', async () => {
    const res = await t.http.post(`${BASE}/cover-letter`).set(alice.user.auth).send({ profile_id: alice.profile_id, job_id: alice.job_id, tone: 'enthusiastic' });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`${BASE}/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'cover_letter',
      status: 'pending',
      options: { template: 'professional', include_cover_letter: true, tone: 'enthusiastic', cover_letter_max_length: 400 },
    });
  });

  it('validates its body and owns the profile', async () => {
    const bad = await t.http.post(`${BASE}/cover-letter`).set(alice.user.auth).send({ profile_id: alice.profile_id, job_id: alice.job_id, tone: 'grumpy', max_length: 5000 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.tone', 'body.max_length']));
    const theirs = await t.http.post(`${BASE}/cover-letter`).set(alice.user.auth).send({ profile_id: bob.profile_id, job_id: STATIC_ID });
    expect(theirs.status).toBe(404);
  });
});

describe('GET /api/v1/generations', () => {
  it('lists only yours, newest first, filtered, with true totals', async () => {
    const o = await owner();
    const first = await requestResume(o);
    const letter = await t.http.post(`${BASE}/cover-letter`).set(o.user.auth).send({ profile_id: o.profile_id, job_id: STATIC_ID });
    const third = await requestResume(o, { job_id: 'static-001' });
    await requestResume(bob);

    const all = await t.http.get(BASE).set(o.user.auth);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((g: { id: string }) => g.id)).toEqual([third.body.id, letter.body.id, first.body.id]);

    const page = await t.http.get(`${BASE}?limit=1&offset=1`).set(o.user.auth);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items.map((g: { id: string }) => g.id)).toEqual([letter.body.id]);

    const byJob = await t.http.get(`${BASE}?job_id=static-001`).set(o.user.auth);
    expect(byJob.body.total).toBe(2);
    const byJobId = await t.http.get(`${BASE}?job_id=${o.job_id}`).set(o.user.auth);
    expect(byJobId.body.items.map((g: { id: string }) => g.id)).toEqual([first.body.id]);
    const byKind = await t.http.get(`${BASE}?kind=cover_letter`).set(o.user.auth);
    expect(byKind.body.items.map((g: { id: string }) => g.id)).toEqual([letter.body.id]);

    const after = await t.http.get(`${BASE}?created_from=${encodeURIComponent(letter.body.created_at)}`).set(o.user.auth);
    expect(after.body.items.map((g: { id: string }) => g.id)).toEqual([third.body.id, letter.body.id]);
    const before = await t.http.get(`${BASE}?created_to=${encodeURIComponent(first.body.created_at)}`).set(o.user.auth);
    expect(before.body.items.map((g: { id: string }) => g.id)).toEqual([first.body.id]);
    const future = await t.http.get(`${BASE}?created_from=2999-01-01T00:00:00Z`).set(o.user.auth);
    expect(future.body).toMatchObject({ items: [], total: 0 });
  });

  it('filters by status', async () => {
    const o = await owner();
    const kept = await requestResume(o);
    const cancelled = await requestResume(o);
    const del = await t.http.delete(`${BASE}/${cancelled.body.id}`).set(o.user.auth);
    expect(del.status).toBe(200);
    const res = await t.http.get(`${BASE}?status=cancelled`).set(o.user.auth);
    expect(res.body.items.map((g: { id: string }) => g.id)).toEqual([cancelled.body.id]);
    expect(res.body.total).toBe(1);
    expect((await t.http.get(BASE).set(o.user.auth)).body.items.map((g: { id: string }) => g.id)).toContain(kept.body.id);
  });

  it('rejects unknown and invalid parameters', async () => {
    const res = await t.http.get(`${BASE}?status=done&limit=0&created_from=yesterday&sttaus=x`).set(alice.user.auth);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['query.status', 'query.limit', 'query.created_from']));
  });
});

describe('GET /api/v1/generations/templates', () => {
  it('lists the three templates with a description and their section order', async () => {
    const res = await t.http.get(`${BASE}/templates`).set(alice.user.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: string }) => x.id)).toEqual(['professional', 'technical', 'creative']);
    for (const template of res.body.items) {
      expect(template.description.length).toBeGreaterThan(20);
      expect(template.section_order[0]).toBe('header');
      expect(template.section_order).toHaveLength(8);
    }
    expect(res.body.items[1].section_order[1]).toBe('skills');
  });
});

describe('one generation', () => {
  it('is 404 for someone else on every route', async () => {
    const mine = await requestResume(alice);
    const id = mine.body.id;
    const auth = bob.user.auth;
    const answers = await Promise.all([
      t.http.get(`${BASE}/${id}`).set(auth),
      t.http.get(`${BASE}/${id}/events`).set(auth),
      t.http.get(`${BASE}/${id}/result`).set(auth),
      t.http.get(`${BASE}/${id}/analytics`).set(auth),
      t.http.post(`${BASE}/${id}/validate`).set(auth),
      t.http.post(`${BASE}/${id}/feedback`).set(auth).send({ rating: 5 }),
      t.http.post(`${BASE}/${id}/regenerate`).set(auth).send({ feedback: 'More Kubernetes', changes: {} }),
      t.http.delete(`${BASE}/${id}`).set(auth),
    ]);
    expect(answers.map((res) => [res.status, res.body.code])).toEqual(answers.map(() => [404, 'GENERATION.NOT_FOUND']));
    // and nothing changed
    const still = await t.http.get(`${BASE}/${id}`).set(alice.user.auth);
    expect(still.status).toBe(200);
    expect(still.body.status).not.toBe('cancelled');
  });

  it('is 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await t.http.get(`${BASE}/${UNKNOWN_ID}`).set(alice.user.auth)).status).toBe(404);
    expect((await t.http.delete(`${BASE}/${randomUUID()}`).set(alice.user.auth)).status).toBe(404);
    const bad = await t.http.get(`${BASE}/not-a-uuid`).set(alice.user.auth);
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
  });

  it('DELETE cancels one that has not finished (200, cancelled), then deletes it (204)', async () => {
    const o = await owner();
    const { body } = await requestResume(o);
    const cancel = await t.http.delete(`${BASE}/${body.id}`).set(o.user.auth);
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ id: body.id, status: 'cancelled' });
    expect(cancel.body.completed_at).toEqual(expect.any(String));
    const remove = await t.http.delete(`${BASE}/${body.id}`).set(o.user.auth);
    expect(remove.status).toBe(204);
    expect((await t.http.get(`${BASE}/${body.id}`).set(o.user.auth)).status).toBe(404);
    expect((await t.http.get(BASE).set(o.user.auth)).body.total).toBe(0);
  });

  it('regenerate makes a new generation linked to its parent, with the changes applied', async () => {
    const o = await owner();
    const parent = await requestResume(o, { template_preference: 'creative' });
    const res = await t.http
      .post(`${BASE}/${parent.body.id}/regenerate`)
      .set(o.user.auth)
      .send({ feedback: 'Shorter, and lead with Kubernetes', changes: { emphasise: ['Kubernetes'], length: 300, tone: 'conversational' } });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`${BASE}/${res.body.id}`);
    expect(res.body.id).not.toBe(parent.body.id);
    expect(res.body).toMatchObject({
      parent_id: parent.body.id,
      kind: 'resume',
      status: 'pending',
      profile_id: o.profile_id,
      job_id: o.job_id,
      options: { template: 'creative', max_length: 300, tone: 'conversational' },
    });
  });

  it('regenerate draws on the current versions of the profile and the job', async () => {
    const o = await owner();
    const parent = await requestResume(o);
    const put = await t.http.put(`/api/v1/profiles/${o.profile_id}`).set(o.user.auth).send({ professional_summary: 'Platform engineer who likes Kubernetes and calm on-call rotations.' });
    expect(put.status).toBe(200);
    const res = await t.http.post(`${BASE}/${parent.body.id}/regenerate`).set(o.user.auth).send({ feedback: '', changes: {} });
    expect(res.status).toBe(202);
    expect(res.body.profile_version).toBe(put.body.version);
    expect(res.body.parent_id).toBe(parent.body.id);
  });

  it('regenerate validates its body', async () => {
    const { body } = await requestResume(alice);
    const res = await t.http.post(`${BASE}/${body.id}/regenerate`).set(alice.user.auth).send({ feedback: 'x'.repeat(2001), changes: { length: 50, reorder: ['footer'] } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.feedback', 'body.changes.length', 'body.changes.reorder.0']));
  });

  it('result and feedback are 409 until the generation has completed', async () => {
    const o = await owner();
    const { body } = await requestResume(o);
    await t.http.delete(`${BASE}/${body.id}`).set(o.user.auth); // cancelled: it will never complete
    const result = await t.http.get(`${BASE}/${body.id}/result`).set(o.user.auth);
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('GENERATION.NOT_READY');
    const feedback = await t.http.post(`${BASE}/${body.id}/feedback`).set(o.user.auth).send({ rating: 4 });
    expect(feedback.status).toBe(409);
    expect(feedback.body.code).toBe('GENERATION.NOT_READY');
    const validate = await t.http.post(`${BASE}/${body.id}/validate`).set(o.user.auth);
    expect(validate.status).toBe(409);
  });

  it('feedback validates the rating', async () => {
    const { body } = await requestResume(alice);
    const res = await t.http.post(`${BASE}/${body.id}/feedback`).set(alice.user.auth).send({ rating: 6, comments: 7 });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.rating', 'body.comments']));
  });

  it('analytics describe a generation that has not run yet', async () => {
    const { body } = await requestResume(alice);
    const res = await t.http.get(`${BASE}/${body.id}/analytics`).set(alice.user.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ generation_id: body.id, expected_duration_ms: 5500, feedback: { count: 0, average_rating: null, ratings: [] } });
    expect(res.body.estimated_tokens).toBeGreaterThan(0);
    expect(res.body.stages.map((s: { expected_ms: number }) => s.expected_ms)).toEqual([1000, 1000, 2000, 1000, 500]);
  });

  it('the event stream of a cancelled generation sends its status, then end, and closes', async () => {
    const o = await owner();
    const { body } = await requestResume(o);
    await t.http.delete(`${BASE}/${body.id}`).set(o.user.auth);
    const res = await t.http.get(`${BASE}/${body.id}/events`).set(o.user.auth).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (chunk: Buffer) => (text += chunk.toString()));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = sse(res.body as string);
    expect(events.map((e) => e.event)).toEqual(['status', 'end']);
    expect(JSON.parse(events[0].data)).toMatchObject({ id: body.id, status: 'cancelled' });
  });
});

describe('a completed generation', () => {
  let full: TestApp;
  let o: Owner;
  let id: string;
  let streamed: Promise<string>;
  beforeAll(async () => {
    full = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, ALL_ROLES);
    o = await owner(profileBody(), full);
    const res = await requestResume(o, { generation_options: { include_cover_letter: true } }, full);
    id = res.body.id;
    streamed = readStream(full, `${BASE}/${id}/events`, o.user.auth);
    await untilFinished(full, o.user.auth, id);
  });
  afterAll(() => full?.stop());

  it('completes through the five stages, with progress 100 and an ATS score', async () => {
    const view = (await full.http.get(`${BASE}/${id}`).set(o.user.auth)).body;
    expect(view.status).toBe('completed');
    expect(view.progress).toBe(100);
    expect(view.stages.every((s: { status: string }) => s.status === 'completed')).toBe(true);
    expect(view.ats_score).toEqual(expect.any(Number));
    expect(view.completed_at).toEqual(expect.any(String));
  });

  it('streamed its status as it changed, then end', async () => {
    const events = sse(await streamed);
    expect(events.at(-1)?.event).toBe('end');
    const statuses = events.filter((e) => e.event === 'status').map((e) => JSON.parse(e.data).status);
    expect(statuses.at(-1)).toBe('completed');
    expect(new Set(statuses).size).toBeGreaterThanOrEqual(1);
  });

  it('serves its result', async () => {
    const res = await full.http.get(`${BASE}/${id}/result`).set(o.user.auth);
    expect(res.status).toBe(200);
    expect(res.body.generation_id).toBe(id);
    expect(res.body.resume.sections.length).toBeGreaterThan(0);
    expect(res.body.cover_letter.paragraphs.length).toBeGreaterThan(0);
    expect(res.body.quality.resume_quality.ats_score).toEqual(expect.any(Number));
    expect(res.body.repaired).toEqual(expect.any(Number));
    expect(res.body.parse_back).toMatchObject({ ok: true, resume: [{ format: 'pdf', ok: true }, { format: 'docx', ok: true }], cover_letter: [{ format: 'pdf' }, { format: 'docx' }] });
    const parseBack = res.body.quality.resume_quality.components.format_compliance.evidence.find((e: { check: string }) => e.check === 'parse_back');
    expect(parseBack).toMatchObject({ score: 1, weight: 0.2 });
  });

  it('takes feedback (204) and counts it in its analytics', async () => {
    expect((await full.http.post(`${BASE}/${id}/feedback`).set(o.user.auth).send({ rating: 4, comments: 'Good' })).status).toBe(204);
    expect((await full.http.post(`${BASE}/${id}/feedback`).set(o.user.auth).send({ rating: 5 })).status).toBe(204);
    const res = await full.http.get(`${BASE}/${id}/analytics`).set(o.user.auth);
    expect(res.status).toBe(200);
    expect(res.body.feedback).toEqual({ count: 2, average_rating: 4.5, ratings: [4, 5] });
    expect(res.body.total_duration_ms).toEqual(expect.any(Number));
    expect(res.body.ats_score).toEqual(expect.any(Number));
    expect(res.body.stages.every((s: { status: string }) => s.status === 'completed')).toBe(true);
  });

  it('validates its content against the profile it was written from, even after the profile changed', async () => {
    const before = await full.http.post(`${BASE}/${id}/validate`).set(o.user.auth);
    expect(before.status).toBe(200);
    expect(before.body.profile_version).toBe(1);
    expect(before.body.violations).toEqual([]);
    expect(before.body.quality.resume_quality.ats_score).toEqual(expect.any(Number));
    await full.http.put(`/api/v1/profiles/${o.profile_id}`).set(o.user.auth).send({ professional_summary: 'Changed my mind about everything I wrote before, entirely.' });
    const after = await full.http.post(`${BASE}/${id}/validate`).set(o.user.auth);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });

  it('is deleted (204) once finished', async () => {
    expect((await full.http.delete(`${BASE}/${id}`).set(o.user.auth)).status).toBe(204);
    expect((await full.http.get(`${BASE}/${id}/result`).set(o.user.auth)).status).toBe(404);
  });
});

/** The events of a text/event-stream body. */
function sse(text: string): { event: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
      return { event: field('event'), data: field('data') };
    });
}

function readStream(app: TestApp, path: string, auth: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    app.http
      .get(path)
      .set(auth)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString()));
        r.on('end', () => done(null, text));
      })
      .then((res) => resolve(res.body as string), reject);
  });
}
