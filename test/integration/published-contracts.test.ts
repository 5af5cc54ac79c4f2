import { ALL_INTEGRATION_TOPICS, IntegrationEventsByTopic } from '../../contracts/integration';
import { ConsumedMessage, Consumer, MessageBus } from '../../src/bus/port';
import { TOKENS } from '../../src/container-tokens';
import { Session, startTestApp, TestApp } from '../support/app';
import { documentsOf, eventually, generate } from '../support/document-flow';
import { educationBody, experienceBody, projectBody } from '../support/fixtures';
import { ALL_ROLES, untilFinished, userWithProfileAndJob } from '../support/generation-flow';
import { jobBody } from '../support/job-fixtures';
import { apiError, ChatCompletionsServer, startChatCompletionsServer } from '../support/chat-completions-server';
import { captureIntegrationTopics, messageContracts } from '../support/message-contracts';

/**
 * Every message the relay publishes during a realistic run keeps its published contract: the
 * zod schema, the JSON Schema file and the AsyncAPI headers and key. The run covers every event
 * type of every topic except those listed in NOT_PRODUCED; the types in FAILING_WRITER are
 * produced (and checked) by a second run whose writer fails.
 */
const NOT_PRODUCED: Record<string, string> = {};
const FAILING_WRITER: Record<string, string> = {
  'generation.stage_failed': 'the deterministic writer never fails: the failing-writer run below produces it',
  'generation.failed': 'a stage that fails for good: the failing-writer run below produces it',
};

const DAY = 86_400_000;
let offset = 0;
/** Real time, moved forward by the test to let documents outlive their retention. */
const clock = { now: () => new Date(Date.now() + offset) };

let t: TestApp;
let probe: { messages: ConsumedMessage[]; consumer: Consumer };

beforeAll(async () => {
  // Stages take a fifth of their simulated time (about 1 s a generation), so a cancel reliably comes first.
  t = await startTestApp({ GENERATION_STAGE_DURATION_SCALE: '0.2', DOCUMENT_RETENTION_SWEEP_MS: '100' }, undefined, ALL_ROLES, { clock });
  probe = await captureIntegrationTopics(t.app.container.get<MessageBus>(TOKENS.Bus));
}, 60_000);
afterAll(async () => {
  await probe?.consumer.stop();
  await t?.stop();
});

/** A successful answer, or the answer itself in the failure. */
const ok = (res: { status: number; body: unknown }) => {
  if (![200, 201, 202, 204].includes(res.status)) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
};
const seen = (type: string) => probe.messages.some((m) => m.value.event_type === type);

async function sessionEvents(user: Session): Promise<void> {
  const login = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
  ok(login);
  ok(await t.http.post('/api/v1/auth/refresh').send({ refresh_token: login.body.refresh_token }));
  ok(await t.http.post('/api/v1/auth/logout').set({ Authorization: `Bearer ${login.body.access_token}` }).send({}));
}

async function profileEdits(user: Session, profile_id: string): Promise<void> {
  const base = `/api/v1/profiles/${profile_id}`;
  ok(await t.http.put(base).set(user.auth).send({ professional_summary: 'Builds event-sourced backends.' }));
  ok(await t.http.put(`${base}/skills`).set(user.auth).send({ technical: ['Go', 'Kafka'], soft: ['Mentoring'], languages: [], certifications: [] }));
  for (const [segment, body] of [['experiences', experienceBody], ['education', educationBody], ['projects', projectBody]] as const) {
    const added = await t.http.post(`${base}/${segment}`).set(user.auth).send(body());
    ok(added);
    const entries = (await t.http.get(base).set(user.auth)).body[segment] as { id: string }[];
    const id = entries[entries.length - 1].id;
    ok(await t.http.put(`${base}/${segment}/${id}`).set(user.auth).send(body()));
    ok(await t.http.delete(`${base}/${segment}/${id}`).set(user.auth));
  }
}

async function jobLife(user: Session): Promise<void> {
  const job = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ status: 'draft', external_job_id: 'QM-401' }));
  ok(job);
  const base = `/api/v1/jobs/${job.body.id}`;
  ok(await t.http.put(base).set(user.auth).send(jobBody({ title: 'Staff Platform Engineer', external_job_id: 'QM-401' })));
  ok(await t.http.post(`${base}/analyze`).set(user.auth));
  ok(await t.http.put(`${base}/status`).set(user.auth).send({ status: 'active' }));
  ok(await t.http.delete(base).set(user.auth));
}

async function documentLife(user: Session, generation_id: string): Promise<string> {
  const docs = await documentsOf(t, user, generation_id, 2);
  const resume = `/api/v1/documents/${docs.find((d) => d.type === 'resume')!.id}`;
  ok(await t.http.put(resume).set(user.auth).send({ tags: ['applied'] }));
  ok(await t.http.post(`${resume}/versions/1/restore`).set(user.auth));
  ok(await t.http.post(`${resume}/export`).set(user.auth).send({ format: 'docx' }));
  ok(await t.http.get(`${resume}/download?format=txt`).set(user.auth));
  const share = await t.http.post(`${resume}/share`).set(user.auth).send({ permissions: ['view', 'download'] });
  ok(share);
  ok(await t.http.get(share.body.url));
  ok(await t.http.get(`${share.body.url}/download?format=txt`));
  ok(await t.http.delete(`${resume}/shares/${share.body.share_id}`).set(user.auth));
  const letter = docs.find((d) => d.type === 'cover_letter')!.id;
  ok(await t.http.delete(`/api/v1/documents/${letter}`).set(user.auth));
  return resume.slice(resume.lastIndexOf('/') + 1);
}

async function applicationLife(user: Session, job_id: string, document_id: string): Promise<void> {
  const created = await t.http.post('/api/v1/job-search/applications').set(user.auth).send({ job_id, document_id, status: 'preparing' });
  ok(created);
  const path = `/api/v1/job-search/applications/${created.body.id}`;
  ok(await t.http.put(path).set(user.auth).send({ status: 'applied', note: 'Sent through the careers page' }));
  ok(await t.http.put(path).set(user.auth).send({ notes: 'Follow up on Monday' }));
  ok(await t.http.delete(path).set(user.auth));
}

/** A generation cancelled before it ends (a cancel that meets a pipeline write is retried), then deleted. */
async function cancelledGeneration(user: Session, profile_id: string, job_id: string): Promise<void> {
  for (let attempt = 0; attempt < 5 && !seen('generation.cancelled'); attempt++) {
    const requested = await t.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    ok(requested);
    const path = `/api/v1/generations/${requested.body.id}`;
    let cancel = await t.http.delete(path).set(user.auth);
    for (let retry = 0; retry < 20 && cancel.status === 409; retry++) cancel = await t.http.delete(path).set(user.auth);
    expect([200, 204, 409]).toContain(cancel.status); // 204: the pipeline won and the generation is gone
    await untilFinished(t, user.auth, requested.body.id).catch(() => undefined);
    await t.http.delete(path).set(user.auth);
    await eventually(async () => (seen('generation.deleted') ? true : undefined), 'generation.deleted').catch(() => undefined);
  }
}

it('every published message keeps its JSON Schema and AsyncAPI contract, and the run covers every event type', async () => {
  const owner = await userWithProfileAndJob(t);
  const { user, profile_id, job_id } = owner;
  await sessionEvents(user);
  await profileEdits(user, profile_id);
  await jobLife(user);
  const generation_id = await generate(t, user, profile_id, job_id, true);
  ok(await t.http.post(`/api/v1/generations/${generation_id}/feedback`).set(user.auth).send({ rating: 4 }));
  await applicationLife(user, job_id, await documentLife(user, generation_id));
  await cancelledGeneration(user, profile_id, job_id);
  const changed = await t.http.post('/api/v1/auth/change-password').set(user.auth).send({ current_password: user.password, new_password: 'another long passphrase' });
  ok(changed);
  ok(await t.http.delete(`/api/v1/profiles/${profile_id}`).set({ Authorization: `Bearer ${changed.body.access_token}` }));
  ok(await t.http.delete('/api/v1/auth/me').set({ Authorization: `Bearer ${changed.body.access_token}` }).send({ password: 'another long passphrase' }));

  // A second user's documents outlive their retention (90 days) once the clock moves on.
  const keeper = await userWithProfileAndJob(t);
  await documentsOf(t, keeper.user, await generate(t, keeper.user, keeper.profile_id, keeper.job_id), 1);
  const tomorrow = new Date(clock.now().getTime() + DAY).toISOString().slice(0, 10);
  const expiring = await t.http.post('/api/v1/jobs').set(keeper.user.auth).send(jobBody({ status: 'active', expires_date: tomorrow, external_job_id: 'QM-402' }));
  ok(expiring);
  offset = 91 * DAY;
  // Archiving an active job past its expiry records the expiry first.
  const later = await t.http.post('/api/v1/auth/login').send({ email: keeper.user.email, password: keeper.user.password });
  ok(later);
  ok(await t.http.put(`/api/v1/jobs/${expiring.body.id}/status`).set({ Authorization: `Bearer ${later.body.access_token}` }).send({ status: 'archived' }));

  const expected = ALL_INTEGRATION_TOPICS.flatMap((topic) => IntegrationEventsByTopic[topic].map((s) => s.shape.event_type.value as string)).filter(
    (type) => !(type in NOT_PRODUCED) && !(type in FAILING_WRITER),
  );
  await eventually(async () => (expected.every(seen) ? true : undefined), 'every event type on the topics', 30_000).catch(() => undefined);
  expect(expected.filter((type) => !seen(type))).toEqual([]);

  const violations = messageContracts();
  expect(probe.messages.flatMap(violations)).toEqual([]);
  expect(probe.messages.length).toBeGreaterThan(60);

  // The checks bite: a personal field in the body and a wrong header are caught by each of them.
  const [first] = probe.messages;
  const tampered = { ...first, headers: { ...first.headers, schema_version: '2' }, value: { ...first.value, data: { ...(first.value.data as object), full_name: 'Ada' } } };
  const found = violations(tampered).join('\n');
  expect(found).toMatch(/zod data/);
  expect(found).toMatch(/json schema\/data must NOT have additional properties/);
  expect(found).toMatch(/headers\/schema_version must be equal to constant/);
}, 120_000);

describe('a generation whose writer fails', () => {
  let failing: TestApp;
  let llm: ChatCompletionsServer;
  let failures: { messages: ConsumedMessage[]; consumer: Consumer };

  beforeAll(async () => {
    llm = await startChatCompletionsServer();
    failing = await startTestApp(
      { GENERATION_STAGE_DURATION_SCALE: '0', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.base_url, OPENAI_MODEL: 'local-model', ADMIN_EMAILS: 'contracts.admin@example.com' },
      undefined,
      ALL_ROLES,
    );
    failures = await captureIntegrationTopics(failing.app.container.get<MessageBus>(TOKENS.Bus));
  }, 60_000);
  afterAll(async () => {
    await failures?.consumer.stop();
    await failing?.stop();
    await llm?.close();
  });

  it('publishes generation.stage_failed and generation.failed, and they keep their contracts', async () => {
    const { user, profile_id, job_id } = await userWithProfileAndJob(failing);
    // The model service refuses the request (a 400 is not worth another attempt): the stage fails for good.
    llm.script(apiError(400, 'The model refuses this request'));
    const asked = await failing.http.post('/api/v1/generations/resume').set(user.auth).send({ profile_id, job_id });
    expect(asked.status).toBe(202);
    expect((await untilFinished(failing, user.auth, asked.body.id)).status).toBe('failed');

    const types = (): string[] => failures.messages.filter((m) => m.value.source_stream === `generation-${asked.body.id}`).map((m) => String(m.value.event_type));
    await eventually(async () => (Object.keys(FAILING_WRITER).every((type) => types().includes(type)) ? true : undefined), 'the failure events', 30_000).catch(() => undefined);
    expect(types()).toEqual(expect.arrayContaining(Object.keys(FAILING_WRITER)));
    const failed = failures.messages.find((m) => m.value.event_type === 'generation.stage_failed')!;
    expect(failed.value.data).toMatchObject({ stage: 'content_generation', retryable: false });

    expect(failures.messages.flatMap(messageContracts())).toEqual([]);

    // An admin replay re-publishes the generation's history with the replay headers, and those keep the contract too.
    const admin = await failing.register({ email: 'contracts.admin@example.com' });
    const published = types().length;
    const replay = await failing.http.post('/api/v1/admin/replays').set(admin.auth).send({ stream_prefix: `generation-${asked.body.id}` });
    expect(replay.status).toBe(202);
    const replayed = await eventually(async () => {
      const mine = failures.messages.filter((m) => m.headers.replay_id === replay.body.replay_id);
      return mine.length === published ? mine : undefined;
    }, 'the replayed messages', 30_000);
    expect(replayed.every((m) => m.headers.replay === 'true')).toBe(true);
    expect(replayed.map((m) => m.value.event_type)).toEqual(expect.arrayContaining(Object.keys(FAILING_WRITER)));
    expect(replayed.flatMap(messageContracts())).toEqual([]);
  }, 60_000);
});
