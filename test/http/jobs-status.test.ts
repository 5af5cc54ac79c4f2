import { randomUUID } from 'node:crypto';
import { EXPIRY_ACTOR } from '../../contracts/jobs/commands';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ProjectionWaiter } from '../../src/read-store/read-your-writes';
import { EventStore } from '../../src/event-store/port';
import { ExpirySweeper } from '../../src/jobs/expiry-sweeper';
import { jobAggregate } from '../../src/jobs/job-aggregate';
import { CommandHandler } from '../../src/shared/command-handler';
import { ManualClock, systemClock } from '../../src/shared/clock';
import { ReadStore } from '../../src/read-store/port';
import { silentLogger } from '../../src/shared/logger';
import { TOKENS } from '../../src/container-tokens';
import { Session, startTestApp, TestApp } from '../support/app';
import { jobBody, jobContent } from '../support/job-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const BASE = '/api/v1/jobs';
const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const get = <T>(token: symbol) => t.app.container.get<T>(token);

async function createJob(user: Session, body: Record<string, unknown> = jobBody()) {
  const res = await t.http.post(BASE).set(user.auth).send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; status: string };
}

const setStatus = (user: Session, id: string, status: string) => t.http.put(`${BASE}/${id}/status`).set(user.auth).send({ status });

/** An active job created three days ago whose deadline was yesterday: overdue, but nobody recorded it yet. */
async function overdueJob(user: Session) {
  const content = jobContent({ posted_date: dateIn(-5), expires_date: dateIn(-1) });
  const context = { correlation_id: 'test', causation_id: null, actor: user.user_id, now: new Date(Date.now() - 3 * DAY).toISOString() };
  const job_id = randomUUID();
  const request = { type: 'CreateJob', job_id, actor: user.user_id, now: context.now, source: 'user_created', status: 'active', content } as const;
  const result = await get<CommandHandler>(TOKENS.CommandHandler).handle(jobAggregate, request, context);
  await get<ProjectionWaiter>(TOKENS.ProjectionWaiter).waitFor(JobsReadModel.name, result.position!);
  return job_id;
}

const eventsOf = async (id: string) => (await get<EventStore>(TOKENS.EventStore).readStream(`job-${id}`)).map((e) => ({ type: e.type, actor: e.metadata.actor }));

describe('PUT /api/v1/jobs/{id}/status', () => {
  it('walks draft → active → archived → active, each change visible to the next read', async () => {
    const user = await t.register();
    const job = await createJob(user);
    for (const [status, version] of [['active', 3], ['archived', 4], ['active', 5]] as const) {
      const res = await setStatus(user, job.id, status);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status, version });
      expect(res.headers.etag).toBe(`"${version}"`);
      expect((await t.http.get(`${BASE}/${job.id}`).set(user.auth)).body.status).toBe(status);
    }
  });

  it('archives a draft directly', async () => {
    const user = await t.register();
    const job = await createJob(user);
    expect((await setStatus(user, job.id, 'archived')).body.status).toBe('archived');
  });

  it.each([
    ['archived', 'draft'],
    ['active', 'draft'],
    ['active', 'expired'],
  ])('refuses %s → %s with 409 and changes nothing', async (from, to) => {
    const user = await t.register();
    const job = await createJob(user, jobBody({ status: 'active' }));
    if (from === 'archived') expect((await setStatus(user, job.id, 'archived')).status).toBe(200);
    const res = await setStatus(user, job.id, to);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('JOB.INVALID_TRANSITION');
    expect((await t.http.get(`${BASE}/${job.id}`).set(user.auth)).body.status).toBe(from);
  });

  it('treats setting the current status again as done', async () => {
    const user = await t.register();
    const job = await createJob(user);
    const res = await setStatus(user, job.id, 'draft');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(job.version);
  });

  it('honours If-Match', async () => {
    const user = await t.register();
    const job = await createJob(user);
    const stale = await t.http.put(`${BASE}/${job.id}/status`).set(user.auth).set('If-Match', '"1"').send({ status: 'active' });
    expect(stale.status).toBe(412);
    const fresh = await t.http.put(`${BASE}/${job.id}/status`).set(user.auth).set('If-Match', `"${job.version}"`).send({ status: 'active' });
    expect(fresh.status).toBe(200);
  });

  it('validates the body', async () => {
    const user = await t.register();
    const job = await createJob(user);
    const res = await t.http.put(`${BASE}/${job.id}/status`).set(user.auth).send({ status: 'published', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.extra', 'body.status']);
    expect((await t.http.put(`${BASE}/${job.id}/status`).send({ status: 'active' })).status).toBe(401);
  });
});

describe('expiry', () => {
  it('shows an active job whose expires_date passed as expired at once, in reads and in filters', async () => {
    const user = await t.register();
    const id = await overdueJob(user);
    expect((await t.http.get(`${BASE}/${id}`).set(user.auth)).body.status).toBe('expired');
    const listed = async (path: string, query: Record<string, string>) =>
      (await t.http.get(path).query(query).set(user.auth)).body.items.map((job: { id: string }) => job.id);
    expect(await listed(BASE, { source: 'user_created' })).not.toContain(id);
    expect(await listed(BASE, { source: 'user_created', status: 'expired' })).toContain(id);
    expect(await listed(`${BASE}/my-jobs`, { status: 'active' })).not.toContain(id);
    expect(await listed(`${BASE}/my-jobs`, { status: 'expired' })).toContain(id);
  });

  it('the sweeper records JobExpired for overdue active jobs, once', async () => {
    const user = await t.register();
    const id = await overdueJob(user);
    const before = (await t.http.get(`${BASE}/${id}`).set(user.auth)).body.version;
    const sweeper = new ExpirySweeper(get(TOKENS.CommandHandler), get<ReadStore>(TOKENS.ReadStore), silentLogger(), systemClock);
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    await sweeper.sweep();
    expect((await eventsOf(id)).filter((e) => e.type === 'JobExpired')).toEqual([{ type: 'JobExpired', actor: EXPIRY_ACTOR }]);
    await waitUntil(async () => (await t.http.get(`${BASE}/${id}`).set(user.auth)).body.version === before + 1);
    expect((await t.http.get(`${BASE}/${id}`).set(user.auth)).body.status).toBe('expired');
  });

  it('the sweeper decides with its own clock: a job due tomorrow expires when the clock says it is two days later', async () => {
    const user = await t.register();
    const job = await createJob(user, jobBody({ status: 'active', expires_date: dateIn(1) }));
    const clock = new ManualClock(new Date());
    const sweeper = new ExpirySweeper(get(TOKENS.CommandHandler), get<ReadStore>(TOKENS.ReadStore), silentLogger(), clock);
    await sweeper.sweep();
    expect((await eventsOf(job.id)).map((e) => e.type)).not.toContain('JobExpired');
    clock.advance(2 * DAY);
    await sweeper.sweep();
    expect((await eventsOf(job.id)).map((e) => e.type)).toContain('JobExpired');
  });

  it('an expired job can be archived, but not re-activated while its deadline has passed', async () => {
    const user = await t.register();
    const id = await overdueJob(user);
    const active = await setStatus(user, id, 'active');
    expect(active.status).toBe(409);
    const archived = await setStatus(user, id, 'archived');
    expect(archived.body.status).toBe('archived');
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(expect.arrayContaining(['JobExpired', 'JobStatusChanged']));
    const reactivate = await setStatus(user, id, 'active');
    expect(reactivate.status).toBe(409);
    expect(reactivate.body.code).toBe('JOB.INVALID_TRANSITION');
  });

  it('a later expires_date on an unrecorded overdue job makes it active again', async () => {
    const user = await t.register();
    const id = await overdueJob(user);
    const res = await t.http.put(`${BASE}/${id}`).set(user.auth).send(jobBody({ posted_date: dateIn(-5), expires_date: dateIn(30) }));
    expect(res.body.status).toBe('active');
  });
});

async function waitUntil(check: () => Promise<boolean>, timeout_ms = 3000) {
  const deadline = Date.now() + timeout_ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
