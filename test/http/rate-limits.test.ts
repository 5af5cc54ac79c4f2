import { randomUUID } from 'node:crypto';
import { TOKENS } from '../../src/container-tokens';
import { RouteSpec } from '../../src/http/route';
import { ManualClock } from '../../src/shared/clock';
import { rateLimitRejections } from '../../src/shared/metrics';
import { startBackoffTestApp, startTestApp, TestApp } from '../support/app';
import { profileBody, uniqueEmail } from '../support/fixtures';
import { Prepared, userWithProfileAndJob } from '../support/generation-flow';

/** Every class at 2 per minute, so a third request in the same window is refused. */
const SMALL = Object.fromEntries(
  ['profiles.create', 'profiles.update', 'profiles.read', 'jobs.search', 'jobs.details', 'auth.register', 'auth.login'].map((name) => [
    name,
    { limit: 2, window_seconds: 60 },
  ]),
);

const clock = new ManualClock('2026-03-01T10:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMITS: JSON.stringify(SMALL), LOGIN_BACKOFF: '{"threshold":3,"base_seconds":10,"max_seconds":40}' }, undefined, undefined, { clock });
});
afterAll(() => t?.stop());
/** Each test starts in fresh windows. */
beforeEach(() => clock.advance(3600_000));

type Call = (auth: { Authorization: string }) => ReturnType<TestApp['http']['get']>;
const cases: Array<[string, Call]> = [
  ['profiles.create', (auth) => t.http.post('/api/v1/profiles').set(auth).send(profileBody())],
  ['profiles.update', (auth) => t.http.put(`/api/v1/profiles/${randomUUID()}`).set(auth).send({ professional_summary: 'x' })],
  ['profiles.read', (auth) => t.http.get('/api/v1/profiles/me').set(auth)],
  ['jobs.search', (auth) => t.http.get('/api/v1/jobs').set(auth)],
  ['jobs.details', (auth) => t.http.get(`/api/v1/jobs/${randomUUID()}`).set(auth)],
];

describe('rate limits per user', () => {
  it.each(cases)('%s: rejects at its limit with 429 and headers, and recovers after the window', async (name, call) => {
    const user = await t.register();
    const first = await call(user.auth);
    expect(first.status).not.toBe(429);
    expect(first.headers['ratelimit-policy']).toBe(`"${name}";q=2;w=60`);
    expect(first.headers['ratelimit']).toMatch(new RegExp(`^"${name.replace('.', '\\.')}";r=1;t=\\d+$`));
    expect((await call(user.auth)).status).not.toBe(429);

    const rejectedBefore = (await rateLimitRejections.get()).values.find((v) => v.labels.class === name)?.value ?? 0;
    const refused = await call(user.auth);
    expect(refused.status).toBe(429);
    expect((await rateLimitRejections.get()).values.find((v) => v.labels.class === name)?.value).toBe(rejectedBefore + 1);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'HTTP.TOO_MANY_REQUESTS', title: 'Too Many Requests' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit']).toBe(`"${name}";r=0;t=${retryAfter}`);
    expect(refused.headers['ratelimit-policy']).toBe(`"${name}";q=2;w=60`);

    const other = await t.register();
    expect((await call(other.auth)).status).not.toBe(429);

    clock.advance(retryAfter * 1000);
    expect((await call(user.auth)).status).not.toBe(429);
  });

  it('counts a refused request before the handler runs: nothing is written', async () => {
    const user = await t.register();
    await t.http.get('/api/v1/profiles/me').set(user.auth);
    await t.http.get('/api/v1/profiles/me').set(user.auth);
    expect((await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody())).status).toBe(201);
    await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
    expect((await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody())).status).toBe(429);
  });
});

describe('rate limits per client IP', () => {
  it('register: the third registration from one IP in a window is refused', async () => {
    const body = () => ({ email: uniqueEmail(), password: 'long enough pw', full_name: 'R' });
    expect((await t.http.post('/api/v1/auth/register').send(body())).status).toBe(201);
    expect((await t.http.post('/api/v1/auth/register').send(body())).status).toBe(201);
    const refused = await t.http.post('/api/v1/auth/register').send(body());
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-policy']).toBe('"auth.register";q=2;w=60');
    expect(refused.headers['retry-after']).toBeDefined();
    clock.advance(60_000);
    expect((await t.http.post('/api/v1/auth/register').send(body())).status).toBe(201);
  });

  it('login: counted per IP whatever the account, right or wrong', async () => {
    const user = await t.register();
    const other = await t.register();
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong password' })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login').send({ email: other.email, password: other.password })).status).toBe(200);
    const refused = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-policy']).toBe('"auth.login";q=2;w=60');
    clock.advance(60_000);
    expect((await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
  });
});

describe('failed-login back-off per account', () => {
  const backoffClock = new ManualClock('2026-03-01T10:00:00.000Z');
  let b: TestApp;
  beforeAll(async () => {
    b = await startBackoffTestApp(backoffClock);
  });
  afterAll(() => b?.stop());
  const login = (email: string, password: string) => b.http.post('/api/v1/auth/login').send({ email, password });

  it('locks after 3 failures for 10 s, doubling with each further failure up to the maximum; a success resets it', async () => {
    const user = await b.register();
    for (let i = 0; i < 3; i++) expect((await login(user.email, 'wrong password')).status).toBe(401);
    const locked = await login(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('HTTP.TOO_MANY_REQUESTS');
    expect(locked.headers['retry-after']).toBe('10');
    expect(locked.headers['ratelimit-policy']).toBe('"auth.login_backoff";q=3;w=10');

    // A fourth failure once the lock is over: locked for 20 s from then.
    backoffClock.advance(10_000);
    expect((await login(user.email, 'wrong again')).status).toBe(401);
    backoffClock.advance(15_000);
    const longer = await login(user.email, user.password);
    expect(longer.status).toBe(429);
    expect(longer.headers['retry-after']).toBe('5');
    backoffClock.advance(5_000);
    // A fifth and sixth: 40 s (the maximum), then 40 s again.
    expect((await login(user.email, 'wrong again')).status).toBe(401);
    expect((await login(user.email, user.password)).headers['retry-after']).toBe('40');
    backoffClock.advance(40_000);
    expect((await login(user.email, 'wrong again')).status).toBe(401);
    expect((await login(user.email, user.password)).headers['retry-after']).toBe('40');
    backoffClock.advance(40_000);
    expect((await login(user.email, user.password)).status).toBe(200);

    // Reset: the next two failures lock nothing.
    expect((await login(user.email, 'wrong password')).status).toBe(401);
    expect((await login(user.email, 'wrong password')).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('locks an unknown e-mail the same way, whatever its case, and leaves other accounts alone', async () => {
    const nobody = uniqueEmail('nobody');
    for (let i = 0; i < 3; i++) expect((await login(nobody, 'whatever pw')).status).toBe(401);
    expect((await login(nobody.toUpperCase(), 'whatever pw')).status).toBe(429);
    const user = await b.register();
    expect((await login(user.email, user.password)).status).toBe(200);
  });
});

describe('rate limits for generations', () => {
  /** The generation classes made small; the pipeline does not run here (no process manager), so generations stay pending. */
  const GENERATION_LIMITS = {
    'generation.resume': { limit: 2, window_seconds: 3600 },
    'generation.cover_letter': { limit: 3, window_seconds: 3600 },
    'generation.status': { limit: 4, window_seconds: 60 },
  };
  const GENERATIONS = '/api/v1/generations';
  let g: TestApp;
  beforeAll(async () => {
    g = await startTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMITS: JSON.stringify(GENERATION_LIMITS), GENERATION_STAGE_DURATION_SCALE: '0' }, undefined, undefined, { clock });
  });
  afterAll(() => g?.stop());

  const resume = (o: Prepared) => g.http.post(`${GENERATIONS}/resume`).set(o.user.auth).send({ profile_id: o.profile_id, job_id: o.job_id });
  const coverLetter = (o: Prepared) => g.http.post(`${GENERATIONS}/cover-letter`).set(o.user.auth).send({ profile_id: o.profile_id, job_id: o.job_id });
  const idOf = (res: { headers: Record<string, string> }) => res.headers['location'].split('/').pop();

  function expectRefused(res: Awaited<ReturnType<typeof resume>>, name: string, quota: number, window_seconds: number) {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'HTTP.TOO_MANY_REQUESTS' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(window_seconds);
    expect(res.headers['ratelimit']).toBe(`"${name}";r=0;t=${retryAfter}`);
    expect(res.headers['ratelimit-policy']).toBe(`"${name}";q=${quota};w=${window_seconds}`);
    return retryAfter;
  }

  it('generation.resume: the third resume of a user in the hour is 429; another user still gets 202; the next window accepts again', async () => {
    const o = await userWithProfileAndJob(g);
    const first = await resume(o);
    expect(first.status).toBe(202);
    expect(first.headers['ratelimit-policy']).toBe('"generation.resume";q=2;w=3600');
    expect(first.headers['ratelimit']).toMatch(/^"generation\.resume";r=1;t=\d+$/);
    expect((await resume(o)).status).toBe(202);

    const retryAfter = expectRefused(await resume(o), 'generation.resume', 2, 3600);

    const other = await userWithProfileAndJob(g);
    expect((await resume(other)).status).toBe(202);

    clock.advance(retryAfter * 1000);
    expect((await resume(o)).status).toBe(202);
  });

  it('generation.cover_letter: counted apart from resumes, its fourth in the hour is 429', async () => {
    const o = await userWithProfileAndJob(g);
    expect((await resume(o)).status).toBe(202);
    expect((await resume(o)).status).toBe(202);
    for (let i = 0; i < 3; i++) {
      const accepted = await coverLetter(o);
      expect(accepted.status).toBe(202);
      expect(accepted.headers['ratelimit']).toMatch(new RegExp(`^"generation\\.cover_letter";r=${2 - i};t=\\d+$`));
    }
    expectRefused(await coverLetter(o), 'generation.cover_letter', 3, 3600);
    expectRefused(await resume(o), 'generation.resume', 2, 3600);
  });

  it("a cover letter's regeneration counts against generation.cover_letter, not against resumes", async () => {
    const o = await userWithProfileAndJob(g);
    const parent = await coverLetter(o);
    expect(parent.status).toBe(202);
    const regenerate = () => g.http.post(`${GENERATIONS}/${idOf(parent)}/regenerate`).set(o.user.auth).send({ feedback: 'Warmer', changes: {} });
    for (let i = 0; i < 2; i++) {
      const again = await regenerate();
      expect(again.status).toBe(202);
      expect(again.headers['ratelimit']).toMatch(new RegExp(`^"generation\\.cover_letter";r=${1 - i};t=\\d+$`));
    }
    expectRefused(await regenerate(), 'generation.cover_letter', 3, 3600);
    expect((await resume(o)).status).toBe(202);
    expect((await resume(o)).status).toBe(202);
  });

  it('regenerate of a resume counts against generation.resume', async () => {
    const o = await userWithProfileAndJob(g);
    const parent = await resume(o);
    expect(parent.status).toBe(202);
    const regenerate = () => g.http.post(`${GENERATIONS}/${idOf(parent)}/regenerate`).set(o.user.auth).send({ feedback: 'More Kubernetes', changes: {} });
    const again = await regenerate();
    expect(again.status).toBe(202);
    expect(again.headers['ratelimit-policy']).toBe('"generation.resume";q=2;w=3600');
    expectRefused(await regenerate(), 'generation.resume', 2, 3600);
    expectRefused(await resume(o), 'generation.resume', 2, 3600);
  });

  it('generation.status: the fifth GET of a generation within a minute is 429, its event stream counts in the same class, and another user is not held up', async () => {
    const o = await userWithProfileAndJob(g);
    const started = await coverLetter(o);
    expect(started.status).toBe(202);
    const view = () => g.http.get(`${GENERATIONS}/${idOf(started)}`).set(o.user.auth);
    for (let i = 0; i < 4; i++) {
      const res = await view();
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-policy']).toBe('"generation.status";q=4;w=60');
    }
    const retryAfter = expectRefused(await view(), 'generation.status', 4, 60);
    expectRefused(await g.http.get(`${GENERATIONS}/${idOf(started)}/events`).set(o.user.auth), 'generation.status', 4, 60);

    const other = await userWithProfileAndJob(g);
    expect((await g.http.get(`${GENERATIONS}/${idOf(started)}`).set(other.user.auth)).status).toBe(404);

    clock.advance(retryAfter * 1000);
    expect((await view()).status).toBe(200);
  });
});

describe('rate limits for documents', () => {
  const DOCUMENT_LIMITS = { 'documents.list': { limit: 2, window_seconds: 60 }, 'documents.download': { limit: 3, window_seconds: 60 } };
  let d: TestApp;
  beforeAll(async () => {
    d = await startTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMITS: JSON.stringify(DOCUMENT_LIMITS) }, undefined, undefined, { clock });
  });
  afterAll(() => d?.stop());

  it('documents.list: the third list in a minute is 429, for that user only', async () => {
    const user = await d.register();
    for (let i = 0; i < 2; i++) expect((await d.http.get('/api/v1/documents').set(user.auth)).status).toBe(200);
    const refused = await d.http.get('/api/v1/documents').set(user.auth);
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-policy']).toBe('"documents.list";q=2;w=60');
    expect((await d.http.get('/api/v1/documents').set((await d.register()).auth)).status).toBe(200);
  });

  it('documents.download: downloads, exports and share-link reads count in one class; the fourth is 429', async () => {
    const user = await d.register();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await d.http.get(`/api/v1/documents/${unknown}/download`).set(user.auth)).status).toBe(404);
    expect((await d.http.post(`/api/v1/documents/${unknown}/export`).set(user.auth).send({ format: 'pdf' })).status).toBe(404);
    expect((await d.http.get(`/api/v1/documents/${unknown}/download?format=txt`).set(user.auth)).status).toBe(404);
    const refused = await d.http.get(`/api/v1/documents/${unknown}/download`).set(user.auth);
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-policy']).toBe('"documents.download";q=3;w=60');
    // share links count per client address: a stream of guesses is cut off too
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push((await d.http.get(`/api/v1/shared/${'B'.repeat(42)}${i}`)).status);
    expect(guesses).toEqual([404, 404, 404, 429]);
  });
});

describe('the declaration', () => {
  it('every rate-limited route documents 429', () => {
    const routes = t.app.container.get<RouteSpec[]>(TOKENS.Routes).filter((route) => route.rate_limit);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const route of routes) expect([route.method, route.path, route.responses[429]?.description]).toEqual([route.method, route.path, expect.any(String)]);
  });
});

describe('RATE_LIMITS_ENABLED=false', () => {
  it('turns every limit and the login back-off off', async () => {
    const off = await startTestApp({ RATE_LIMITS_ENABLED: 'false', RATE_LIMITS: JSON.stringify(SMALL), LOGIN_BACKOFF: '{"threshold":1}' });
    try {
      const user = await off.register();
      await off.register();
      await off.register();
      for (let i = 0; i < 5; i++) {
        const res = await off.http.get('/api/v1/profiles/me').set(user.auth);
        expect(res.status).toBe(404);
        expect(res.headers['ratelimit']).toBeUndefined();
        expect((await off.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong password' })).status).toBe(401);
      }
      expect((await off.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
