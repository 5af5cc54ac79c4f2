import { normalisedTitle } from '../../contracts/job-search/features';
import { ManualClock } from '../../src/shared/clock';
import { Session, startTestApp, TestApp } from '../support/app';
import { profileBody } from '../support/fixtures';
import { jobBody } from '../support/job-fixtures';

const BASE = '/api/v1/job-search';
const clock = new ManualClock('2026-11-30T10:00:00.000Z');
let t: TestApp;
let me: Session;
let other: Session;
let mine: { id: string };
let theirs: { id: string };

const JOB = {
  title: 'Senior Quillwork Platform Engineer',
  description: 'The platform team runs the Kubernetes clusters and the PostgreSQL fleet for every product team.',
  requirements: ['Experience with Kubernetes and Terraform', 'PostgreSQL administration', 'Nice to have: Prometheus'],
};

beforeAll(async () => {
  t = await startTestApp({}, undefined, undefined, { clock });
  [me, other] = await Promise.all([t.register(), t.register()]);
  const create = async (session: Session, body: Record<string, unknown>) => {
    const res = await t.http.post('/api/v1/jobs').set(session.auth).send({ ...jobBody(body), status: 'active' });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  mine = await create(me, { ...JOB, company: 'My Own Co', posted_date: '2026-11-29' });
  theirs = await create(other, { ...JOB, company: 'Their Private Co', posted_date: '2026-11-29' });
}, 60_000);
afterAll(() => t?.stop());

type Item = { job: { id: string; title: string; user_id: string | null }; explanation: Record<string, unknown> & { match_score: number | null; matched_skills: string[]; missing_skills: string[] } };

async function search(session: Session, query: Record<string, string> = {}) {
  const res = await t.http.get(BASE).query(query).set(session.auth);
  expect(res.status).toBe(200);
  return res.body as { items: Item[]; total: number; ranked_by: string; profile_used: boolean; facets: Record<string, Array<{ value: string; count: number }>> };
}

async function allIds(session: Session, query: Record<string, string> = {}) {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await search(session, { ...query, limit: '100', offset: String(offset) });
    ids.push(...page.items.map((item) => item.job.id));
    if (offset + 100 >= page.total) return ids;
  }
}

describe('GET /api/v1/job-search without a profile', () => {
  it('ranks by relevance (newest without q) and says there is no profile', async () => {
    const page = await search(me, { q: 'kubernetes' });
    expect(page).toMatchObject({ ranked_by: 'relevance', profile_used: false });
    expect(page.total).toBeGreaterThan(1);
    expect(page.items[0]!.explanation).toMatchObject({ profile_used: false, match_score: null, relevance_rank: 1 });
    expect(page.items[0]!.explanation.summary).toMatch(/^No profile/);
    expect((await search(me)).ranked_by).toBe('newest');
  });

  it('needs a profile for recommendations', async () => {
    const res = await t.http.get(`${BASE}/recommendations`).set(me.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PROFILE.NOT_FOUND');
  });
});

describe('ownership', () => {
  it("shows my own active job and never another user's", async () => {
    const ids = await allIds(me);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(await allIds(me, { q: 'quillwork' })).toEqual([mine.id]);
    expect(await allIds(other, { q: 'quillwork' })).toEqual([theirs.id]);
  });

  it("answers 404 for another user's job by id, 200 for mine and the catalogue's", async () => {
    const res = await t.http.get(`${BASE}/jobs/${theirs.id}/match`).set(me.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('JOB.NOT_FOUND');
    expect((await t.http.get(`${BASE}/jobs/${mine.id}/match`).set(me.auth)).status).toBe(200);
  });
});

describe('with a profile', () => {
  beforeAll(async () => {
    const res = await t.http.post('/api/v1/profiles').set(me.auth).send(profileBody());
    expect(res.status).toBe(201);
  });

  it('ranks by match score and explains each result: matched and missing skills, score and parts', async () => {
    const page = await search(me, { limit: '50' });
    expect(page).toMatchObject({ ranked_by: 'profile', profile_used: true });
    const scores = page.items.map((item) => item.explanation.match_score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const own = (await t.http.get(`${BASE}/jobs/${mine.id}/match`).set(me.auth)).body as Item;
    expect(own.explanation.matched_skills).toEqual(expect.arrayContaining(['Kubernetes', 'PostgreSQL']));
    expect(own.explanation.missing_skills).toContain('Terraform');
    expect(own.explanation.match_score).toBeGreaterThan(50);
    expect((own.explanation.parts as Array<{ name: string }>).map((p) => p.name)).toEqual(['skills', 'title', 'seniority']);
  });

  it('recommends my best matches, leaving out a job I applied to', async () => {
    const before = (await t.http.get(`${BASE}/recommendations`).query({ limit: '5' }).set(me.auth)).body as { items: Item[]; excluded_applied: number };
    expect(before.items).toHaveLength(5);
    expect(before.items.map((i) => i.job.id)).toContain(mine.id);
    const applied = await t.http.post(`${BASE}/applications`).set(me.auth).send({ job_id: mine.id, status: 'applied' });
    expect(applied.status).toBe(201);
    const after = (await t.http.get(`${BASE}/recommendations`).query({ limit: '5' }).set(me.auth)).body as { items: Item[]; excluded_applied: number };
    expect(after.items.map((i) => i.job.id)).not.toContain(mine.id);
    expect(after.excluded_applied).toBe(1);
  });
});

describe('filters and facets over HTTP', () => {
  it('filters in query-string form and counts facets over the other filters', async () => {
    const remote = await search(me, { remote: 'remote', limit: '100' });
    expect(remote.items.every((item) => (item as unknown as { job: { remote: string } }).job.remote === 'remote')).toBe(true);
    const all = await search(me, { limit: '1' });
    expect(remote.facets.remote).toEqual(all.facets.remote);
    expect(remote.facets.remote.find((f) => f.value === 'remote')!.count).toBe(remote.total);
    const salaried = await search(me, { salary_min: '100000', skills: 'k8s', posted_within_days: '365' });
    expect(salaried.total).toBeLessThanOrEqual(all.total);
  });

  it.each([
    [{ salary_min: 'lots' }, ['query.salary_min']],
    [{ salary_min: '-5' }, ['query.salary_min']],
    [{ posted_within_days: '0' }, ['query.posted_within_days']],
    [{ posted_within_days: '1.5' }, ['query.posted_within_days']],
    [{ remote: 'moon', employment_type: 'forever', experience_level: 'guru', source: 'fax' }, ['query.employment_type', 'query.experience_level', 'query.remote', 'query.source']],
    [{ salary_currency: 'euro', skills: ' , ' }, ['query.salary_currency', 'query.skills']],
    [{ remtoe: 'remote', limit: '0' }, ['query.limit', 'query.remtoe']],
  ])('refuses %j naming %j', async (query, paths) => {
    const res = await t.http.get(BASE).query(query).set(me.auth);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
  });

  it('refuses bad recommendation and trending parameters by name', async () => {
    const rec = await t.http.get(`${BASE}/recommendations`).query({ limit: '500', q: 'x' }).set(me.auth);
    expect(rec.status).toBe(400);
    expect(rec.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.limit', 'query.q']);
    const trend = await t.http.get(`${BASE}/trending`).query({ window: '14' }).set(me.auth);
    expect(trend.status).toBe(400);
    expect(trend.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.window']);
    expect((await t.http.get(`${BASE}/jobs/not-a-uuid/match`).set(me.auth)).status).toBe(400);
  });

  it('requires authentication', async () => {
    for (const path of [BASE, `${BASE}/recommendations`, `${BASE}/trending`]) expect((await t.http.get(path)).status).toBe(401);
  });
});

describe('GET /api/v1/job-search/trending', () => {
  it("counts the catalogue's postings in the windows the clock puts today in, never a user's private job", async () => {
    type CatalogueJob = { id: string; title: string; posted_date: string | null; skills: string[]; user_id: string | null };
    const catalogue: CatalogueJob[] = [];
    for (const status of ['active', 'expired', 'archived']) {
      const res = await t.http.get('/api/v1/jobs').query({ source: 'static', status, limit: '100' }).set(me.auth);
      catalogue.push(...(res.body.items as CatalogueJob[]));
    }
    const dates = catalogue.map((job) => job.posted_date).filter((d): d is string => d !== null).sort();
    const latest = dates[dates.length - 1]!;
    clock.set(`${latest}T12:00:00.000Z`);
    try {
      const res = await t.http.get(`${BASE}/trending`).query({ window: '30', limit: '100' }).set(me.auth);
      expect(res.status).toBe(200);
      const from = new Date(Date.parse(`${latest}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      const inWindow = catalogue.filter((job) => job.posted_date !== null && job.posted_date >= from && job.posted_date <= latest);
      expect(res.body.current).toEqual({ from, to: latest });
      expect(res.body.postings.current).toBe(inWindow.length);
      expect(res.body.skills.length).toBeGreaterThan(0);
      for (const trend of res.body.skills as Array<{ name: string; current: number }>) {
        expect(trend.current).toBe(inWindow.filter((job) => new Set(job.skills).has(trend.name)).length);
      }
      for (const trend of res.body.titles as Array<{ name: string; current: number }>) {
        expect(trend.current).toBe(inWindow.filter((job) => normalisedTitle(job.title) === trend.name).length);
      }
    } finally {
      clock.set('2026-11-30T10:00:00.000Z');
    }
  });

  it('leaves out private jobs: the two Quillwork jobs posted yesterday are not counted', async () => {
    const res = await t.http.get(`${BASE}/trending`).query({ window: '7' }).set(me.auth);
    expect(res.status).toBe(200);
    expect(res.body.current).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(JSON.stringify(res.body.titles)).not.toMatch(/quillwork/i);
  });
});
