import { Session, startTestApp, TestApp } from '../support/app';
import { jobBody } from '../support/job-fixtures';

let t: TestApp;
let user: Session;
beforeAll(async () => {
  t = await startTestApp();
  user = await t.register();
});
afterAll(() => t.stop());

const BASE = '/api/v1/jobs';
type Job = { id: string; title: string; status: string; source: string; user_id: string | null; location: string | null; skills: string[] } & Record<string, unknown>;

async function list(query: Record<string, string | number>, session: Session = user, path = BASE) {
  const res = await t.http.get(path).query(query).set(session.auth);
  expect(res.status).toBe(200);
  return res.body as { items: Job[]; total: number; limit: number; offset: number };
}

async function createJob(session: Session, body: Record<string, unknown>) {
  const res = await t.http.post(BASE).set(session.auth).send(body);
  expect(res.status).toBe(201);
  return res.body as Job;
}

const text = (job: Job) => JSON.stringify([job.title, job.description, job.requirements, job.responsibilities]).toLowerCase();

describe('GET /api/v1/jobs: the catalogue, paged', () => {
  it('shows active jobs by default, 20 to a page, with a total counting every match', async () => {
    const page = await list({});
    expect(page.limit).toBe(20);
    expect(page.offset).toBe(0);
    expect(page.items).toHaveLength(20);
    expect(page.total).toBeGreaterThanOrEqual(40);
    expect(page.items.every((job) => job.status === 'active')).toBe(true);
  });

  it('holds the whole static catalogue of at least 60 jobs across statuses', async () => {
    const active = await list({ source: 'static', status: 'active', limit: 1 });
    const expired = await list({ source: 'static', status: 'expired', limit: 1 });
    expect(active.total + expired.total).toBeGreaterThanOrEqual(60);
  });

  it('pages through every match exactly once', async () => {
    const { total } = await list({ limit: 1 });
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 15) {
      const page = await list({ limit: 15, offset });
      expect(page.total).toBe(total);
      seen.push(...page.items.map((job) => job.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const beyond = await list({ offset: total + 5 });
    expect(beyond).toMatchObject({ items: [], total });
  });

  it('requires authentication', async () => {
    expect((await t.http.get(BASE)).status).toBe(401);
    expect((await t.http.get(`${BASE}/my-jobs`)).status).toBe(401);
  });
});

describe('GET /api/v1/jobs?q=: relevance-ranked full-text search', () => {
  it('ranks infrastructure jobs first for "kubernetes"', async () => {
    const page = await list({ q: 'kubernetes' });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.total).toBe(page.items.length);
    expect(page.items[0].title).toMatch(/Site Reliability|Platform|DevOps|Cloud/);
    for (const job of page.items) expect(text(job)).toMatch(/kubernetes|k8s/);
  });

  it('finds healthcare jobs for "nurse"', async () => {
    const page = await list({ q: 'nurse' });
    expect(page.items[0].title).toMatch(/Nurs/);
    expect(page.items.map((job) => job.industry)).toContain('healthcare');
    expect(page.items.some((job) => /software|engineer/i.test(job.title))).toBe(false);
  });

  it('matches a skill by any of its spellings', async () => {
    const canonical = await list({ q: 'kubernetes' });
    const alias = await list({ q: 'k8s' });
    expect(new Set(alias.items.map((job) => job.id))).toEqual(new Set(canonical.items.map((job) => job.id)));
  });

  it('combines a query with filters, and pages the ranked list', async () => {
    const all = await list({ q: 'engineer', limit: 100 });
    const remote = await list({ q: 'engineer', remote: 'remote', limit: 100 });
    expect(remote.total).toBeLessThan(all.total);
    expect(remote.items.every((job) => job.remote === 'remote')).toBe(true);
    const second = await list({ q: 'engineer', limit: 3, offset: 3 });
    expect(second.items.map((job) => job.id)).toEqual(all.items.slice(3, 6).map((job) => job.id));
    expect(second.total).toBe(all.total);
  });

  it('finds nothing for words no job contains', async () => {
    expect(await list({ q: 'zyxwvut quokka' })).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/v1/jobs: filters', () => {
  it('filters by location as a case-insensitive part of it', async () => {
    const page = await list({ location: 'BERL' });
    expect(page.total).toBeGreaterThanOrEqual(1);
    for (const job of page.items) expect(job.location).toMatch(/berl/i);
  });

  it.each([
    ['remote', 'remote'],
    ['experience_level', 'senior'],
    ['employment_type', 'part_time'],
    ['source', 'static'],
  ])('filters by %s', async (field, value) => {
    const page = await list({ [field]: value, limit: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((job) => job[field] === value)).toBe(true);
    expect(page.total).toBeLessThan((await list({})).total + (field === 'source' ? 1 : 0));
  });

  it('filters by skills, matching aliases to canonical names: react.js finds React jobs', async () => {
    const page = await list({ skills: 'react.js' });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.map((job) => job.title)).toContain('Frontend Developer (React)');
    for (const job of page.items) expect(job.skills).toContain('React');
  });

  it('requires every listed skill', async () => {
    const one = await list({ skills: 'k8s', limit: 100 });
    const both = await list({ skills: 'k8s, terraform', limit: 100 });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual(one.total);
    for (const job of both.items) expect(job.skills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
    expect(await list({ skills: 'kubernetes,basket weaving' })).toMatchObject({ total: 0, items: [] });
  });
  // Expired jobs in filters: test/http/jobs-status.test.ts (it controls the clock).
});

describe('GET /api/v1/jobs: whose jobs', () => {
  it("shows static jobs and your own, never another user's", async () => {
    const alice = await t.register();
    const bob = await t.register();
    const marker = `Zebrafinch${Date.now()}`;
    const alicesJob = await createJob(alice, jobBody({ company: marker, status: 'active' }));
    const aliceSees = await list({ q: marker }, alice);
    expect(aliceSees.items.map((job) => job.id)).toEqual([alicesJob.id]);
    expect(await list({ q: marker }, bob)).toMatchObject({ total: 0 });
    const bobsTotal = (await list({}, bob)).total;
    expect((await list({}, alice)).total).toBe(bobsTotal + 1);
  });

  it('hides your drafts unless you ask for them', async () => {
    const carol = await t.register();
    const draft = await createJob(carol, jobBody({ title: 'Draft posting' }));
    expect((await list({ source: 'user_created' }, carol)).total).toBe(0);
    const drafts = await list({ status: 'draft' }, carol);
    expect(drafts.items.map((job) => job.id)).toEqual([draft.id]);
  });
});

describe('GET /api/v1/jobs/my-jobs', () => {
  it('lists only your jobs, in every status by default, newest first, with filters and totals', async () => {
    const dave = await t.register();
    const a = await createJob(dave, jobBody({ title: 'Orchard Beekeeper', posted_date: '2026-10-01', remote: 'remote' }));
    const b = await createJob(dave, jobBody({ title: 'Lighthouse Keeper', posted_date: '2026-10-02', remote: 'onsite', status: 'active' }));
    const c = await createJob(dave, jobBody({ title: 'Glassblower', posted_date: '2026-10-03', remote: 'remote' }));
    await createJob(await t.register(), jobBody({ title: 'Not Dave' }));

    const mine = await list({}, dave, `${BASE}/my-jobs`);
    expect(mine.total).toBe(3);
    expect(mine.items.map((job) => job.id)).toEqual([c.id, b.id, a.id]);
    expect(mine.items.every((job) => job.user_id === dave.user_id)).toBe(true);

    expect((await list({ status: 'active' }, dave, `${BASE}/my-jobs`)).items.map((job) => job.id)).toEqual([b.id]);
    expect((await list({ remote: 'remote' }, dave, `${BASE}/my-jobs`)).total).toBe(2);
    expect((await list({ q: 'lighthouse' }, dave, `${BASE}/my-jobs`)).items.map((job) => job.id)).toEqual([b.id]);
    const paged = await list({ limit: 2, offset: 2 }, dave, `${BASE}/my-jobs`);
    expect(paged).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(paged.items.map((job) => job.id)).toEqual([a.id]);
  });
});

describe('query validation', () => {
  it.each([
    [{ limit: 0 }, 'query.limit'],
    [{ limit: 101 }, 'query.limit'],
    [{ offset: -1 }, 'query.offset'],
    [{ limit: 'ten' }, 'query.limit'],
    [{ remote: 'sometimes' }, 'query.remote'],
    [{ status: 'deleted' }, 'query.status'],
    [{ experience_level: 'guru' }, 'query.experience_level'],
    [{ source: 'linkedin' }, 'query.source'],
    [{ skills: ' , ' }, 'query.skills'],
    [{ remtoe: 'remote' }, 'query.remtoe'],
  ])('rejects %j naming %s', async (query, path) => {
    for (const route of [BASE, `${BASE}/my-jobs`]) {
      const res = await t.http.get(route).query(query).set(user.auth);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('reports every bad parameter at once', async () => {
    const res = await t.http.get(BASE).query({ limit: 0, remote: 'x', foo: 'bar' }).set(user.auth);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.foo', 'query.limit', 'query.remote']);
  });
});
