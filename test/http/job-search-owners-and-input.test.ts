import { Session, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/document-flow';
import { jobBody } from '../support/job-fixtures';

/**
 * Issue 14's "each route works for its owner, refuses other users, validates input with
 * field-level 400s" for what the route suites leave out: the list queries of saved searches,
 * alerts and notifications, the preferences body, and the notification stream and read-all,
 * which only ever concern the caller's own notifications.
 */
let t: TestApp;
let alice: Session;
let bob: Session;
const fields = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();

beforeAll(async () => {
  t = await startTestApp({}, undefined, ['api', 'projector', 'relay', 'notifier']);
  [alice, bob] = await Promise.all([t.register(), t.register()]);
}, 60_000);
afterAll(() => t?.stop());

describe('field-level 400s', () => {
  it.each([
    ['/api/v1/job-search/save-criteria?limit=0&colour=red', ['query.colour', 'query.limit']],
    ['/api/v1/job-search/alerts?criteria_id=nope&offset=-1', ['query.criteria_id', 'query.offset']],
    ['/api/v1/notifications?unread=yes&kind=spam&limit=1000', ['query.kind', 'query.limit', 'query.unread']],
  ])('GET %s names %j', async (path, expected) => {
    const res = await t.http.get(path).set(alice.auth);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res)).toEqual(expected);
  });

  it('PUT /api/v1/notifications/preferences names every bad field, and an empty body', async () => {
    const bad = await t.http.put('/api/v1/notifications/preferences').set(alice.auth).send({ kinds: { generation_completed: 'no', job_alert: 1 }, digest: 'hourly', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.colour', 'body.digest', 'body.kinds.generation_completed', 'body.kinds.job_alert']);
    const empty = await t.http.put('/api/v1/notifications/preferences').set(alice.auth).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors.length).toBeGreaterThan(0);
    // nothing changed
    expect((await t.http.get('/api/v1/notifications/preferences').set(alice.auth)).body).toMatchObject({ digest: 'instant', kinds: { generation_completed: true, job_alert: true } });
  });
});

describe("another user's notifications", () => {
  it("are never streamed to nor marked read by another user; preferences are each user's own", async () => {
    const search = await t.http.post('/api/v1/job-search/save-criteria').set(alice.auth).send({ name: 'k8s', query: 'kubernetes' });
    expect(search.status).toBe(201);
    expect((await t.http.post('/api/v1/job-search/alerts').set(alice.auth).send({ criteria_id: search.body.id, frequency: 'instant' })).status).toBe(201);
    const bobsSearch = await t.http.post('/api/v1/job-search/save-criteria').set(bob.auth).send({ name: 'k8s too', query: 'kubernetes' });
    expect((await t.http.post('/api/v1/job-search/alerts').set(bob.auth).send({ criteria_id: bobsSearch.body.id, frequency: 'instant' })).status).toBe(201);
    expect((await t.http.put('/api/v1/notifications/preferences').set(bob.auth).send({ digest: 'weekly' })).status).toBe(200);
    expect((await t.http.get('/api/v1/notifications/preferences').set(alice.auth)).body.digest).toBe('instant');

    const streams = { alice: '', bob: '' };
    const responses: Array<{ destroy(): void }> = [];
    for (const who of ['alice', 'bob'] as const) {
      const req = t.http
        .get('/api/v1/notifications/stream')
        .set((who === 'alice' ? alice : bob).auth)
        .buffer(false)
        .parse((res, done) => {
          responses.push(res as unknown as { destroy(): void });
          res.on('data', (chunk: Buffer) => (streams[who] += chunk.toString()));
          res.on('end', () => done(null, streams[who]));
          res.on('error', () => done(null, streams[who]));
        });
      req.catch(() => undefined);
    }
    try {
      await eventually(async () => (streams.alice.includes(': connected') && streams.bob.includes(': connected') ? true : undefined), 'both streams open');
      const job = await t.http.post('/api/v1/jobs').set(alice.auth).send(jobBody({ status: 'active' }));
      expect(job.status).toBe(201);
      await eventually(async () => (streams.alice.includes('event: notification') ? true : undefined), "alice's notification streamed");
      expect(streams.alice).toContain(job.body.id);
      // then one of bob's own: once his stream has it, it has polled past alice's, which it never sent
      const bobs = await t.http.post('/api/v1/jobs').set(bob.auth).send(jobBody({ status: 'active' }));
      expect(bobs.status).toBe(201);
      await eventually(async () => (streams.bob.includes('event: notification') ? true : undefined), "bob's notification streamed");
      expect(streams.bob).toContain(bobs.body.id);
      expect(streams.bob).not.toContain(job.body.id);
      expect(streams.bob.split('event: notification').length - 1).toBe(1);
      expect(streams.alice).not.toContain(bobs.body.id);
    } finally {
      for (const res of responses) res.destroy();
    }

    expect((await t.http.post('/api/v1/notifications/read-all').set(bob.auth)).body).toEqual({ marked: 1 });
    expect((await t.http.get('/api/v1/notifications').set(bob.auth)).body).toMatchObject({ total: 1, unread_total: 0 });
    expect((await t.http.get('/api/v1/notifications').set(alice.auth)).body).toMatchObject({ total: 1, unread_total: 1 });
  });
});
