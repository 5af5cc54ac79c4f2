import { JobSearchFilters } from '../../../contracts/job-search/filters';
import { JobSearchParams } from '../../../contracts/job-search/http';
import { JobSearchDocument, JobSearchReadModel } from '../../../contracts/job-search/read-model';
import { matchesFilters } from '../../../src/job-search/filter-match';
import { JobSearchQueries } from '../../../src/job-search/job-search-queries';
import { CheckpointStore } from '../../../src/read-store/checkpoints';
import { ReadStore } from '../../../src/read-store/port';
import { applyAll, FixtureJob, newStore, posting, profile, seedJobs } from './fixtures';

const NOW = '2026-11-30T10:00:00.000Z';
const TODAY = '2026-11-30';
const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const CITIES = ['Berlin, Germany', 'London, UK', 'Paris, France', null];
const REMOTE = ['onsite', 'hybrid', 'remote', null] as const;
const TYPES = ['full_time', 'part_time', 'contract', null] as const;
const LEVELS = ['entry', 'mid', 'senior', 'lead', null] as const;
const STACKS = [['Java', 'PostgreSQL'], ['React', 'TypeScript'], ['Python', 'Kubernetes'], ['Docker'], []];
const SALARIES = [
  { min: 50_000, max: 70_000, currency: 'EUR', period: 'year' },
  { min: 4_000, max: 6_000, currency: 'EUR', period: 'month' },
  { min: 40, max: 60, currency: 'USD', period: 'hour' },
  null,
] as const;

/** 40 varied public jobs, 3 of mine, 3 of another user's; one of mine expired by date, one archived. */
function fixture(): FixtureJob[] {
  const jobs: FixtureJob[] = [];
  for (let i = 0; i < 46; i++) {
    const owner = i < 40 ? null : i < 43 ? ME : OTHER;
    const day = String(30 - (i % 30)).padStart(2, '0');
    jobs.push({
      id: `aaaaaaaa-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
      user_id: owner,
      content: posting({
        title: `${['Backend', 'Frontend', 'Platform', 'Data', 'Support'][i % 5]} Engineer`,
        location: CITIES[i % 4] ?? null,
        remote: REMOTE[(i >> 1) % 4] ?? null,
        employment_type: TYPES[i % 3] ?? null,
        experience_level: LEVELS[i % 5] ?? null,
        salary_range: SALARIES[i % 4] ?? null,
        posted_date: i % 7 === 6 ? null : `2026-11-${day}`,
        expires_date: i === 41 ? '2026-11-29' : null,
        requirements: STACKS[i % 5]!.map((skill) => `${skill} experience`),
      }),
    });
  }
  return jobs;
}

let store: ReadStore;
let jobs: FixtureJob[];
beforeAll(async () => {
  store = newStore();
  jobs = fixture();
  await seedJobs(store, jobs);
  // One of mine archived after it was created.
  await applyAll(store, `job-${jobs[42]!.id}`, [{ type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } }], NOW, 2);
});

const queries = (p = profile({ skills: ['Java', 'Postgres'], titles: ['Senior Backend Engineer'], months: 90 })) => new JobSearchQueries(store, async () => p);
const noProfile = () => new JobSearchQueries(store, async () => null);
const params = (query: Record<string, string>) => JobSearchParams.parse(query);

async function allIds(q: JobSearchQueries, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = await q.search(params({ ...query, limit: '7', offset: String(offset) }), ME, NOW);
    ids.push(...page.items.map((item) => item.job.id));
    if (offset + 7 >= page.total) return ids;
  }
}

/** The jobs the caller may see, active today: the public ones and mine, not expired nor archived. */
async function visibleDocs(): Promise<JobSearchDocument[]> {
  const docs = await store.collection<JobSearchDocument>(JobSearchReadModel.collection).find({});
  return docs.filter((d) => (d.user_id === null || d.user_id === ME) && d.status === 'active' && (d.expires_date === null || d.expires_date >= TODAY));
}

describe('job search filters: the same rules as matchesFilters', () => {
  const cases: Array<[Record<string, string>, JobSearchFilters]> = [
    [{}, {}],
    [{ location: 'berlin' }, { location: 'berlin' }],
    [{ remote: 'remote' }, { remote: 'remote' }],
    [{ employment_type: 'contract', experience_level: 'senior' }, { employment_type: 'contract', experience_level: 'senior' }],
    [{ source: 'user_created' }, { source: 'user_created' }],
    [{ salary_min: '100000' }, { salary_min: 100_000 }],
    [{ salary_min: '60000', salary_currency: 'EUR' }, { salary_min: 60_000, salary_currency: 'EUR' }],
    [{ posted_within_days: '7' }, { posted_within_days: 7 }],
    [{ skills: 'postgres, java' }, { skills: ['postgres', 'java'] }],
    [{ skills: 'k8s', remote: 'hybrid', salary_min: '1' }, { skills: ['k8s'], remote: 'hybrid', salary_min: 1 }],
  ];

  it.each(cases)('%j returns exactly the visible jobs matchesFilters accepts', async (query, filters) => {
    const expected = (await visibleDocs()).filter((doc) => matchesFilters(doc, filters, TODAY)).map((doc) => doc.id).sort();
    // The fixture makes every case select some jobs and (but for no filters) leave some out.
    expect(expected.length).toBeGreaterThan(0);
    if (Object.keys(filters).length > 0) expect(expected.length).toBeLessThan(41);
    for (const q of [queries(), noProfile()]) {
      const ids = await allIds(q, query);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected);
    }
  });

  it('checks the fixture: filters do narrow, and the visible set excludes the right jobs', async () => {
    const visible = (await visibleDocs()).map((d) => d.id);
    expect(visible).toHaveLength(41);
    for (const i of [41, 42, 43, 44, 45]) expect(visible).not.toContain(jobs[i]!.id);
    expect(visible).toContain(jobs[40]!.id);
  });
});

describe('job search: pages and totals', () => {
  it('counts every match in total and pages through them once', async () => {
    const page = await queries().search(params({ limit: '5' }), ME, NOW);
    expect(page.total).toBe(41);
    expect(page.items).toHaveLength(5);
    expect(await allIds(queries(), {})).toHaveLength(41);
  });

  it("never shows another user's private job", async () => {
    const ids = await allIds(queries(), {});
    for (const i of [43, 44, 45]) expect(ids).not.toContain(jobs[i]!.id);
    await expect(queries().match(jobs[44]!.id!, ME, NOW)).rejects.toMatchObject({ code: 'JOB.NOT_FOUND' });
    await expect(queries().match(jobs[40]!.id!, ME, NOW)).resolves.toMatchObject({ job: { id: jobs[40]!.id } });
  });
});

describe('job search: facets', () => {
  it("counts each facet over the jobs matching the other filters, its own left out", async () => {
    const page = await queries().search(params({ remote: 'remote', experience_level: 'senior' }), ME, NOW);
    const visible = await visibleDocs();
    const count = (pred: (d: JobSearchDocument) => boolean) => visible.filter(pred).length;
    for (const value of ['onsite', 'hybrid', 'remote']) {
      expect(page.facets.remote.find((f) => f.value === value)!.count).toBe(count((d) => d.experience_level === 'senior' && d.remote === value));
    }
    for (const value of ['entry', 'mid', 'senior', 'lead']) {
      expect(page.facets.experience_level.find((f) => f.value === value)!.count).toBe(count((d) => d.remote === 'remote' && d.experience_level === value));
    }
    expect(page.facets.source.find((f) => f.value === 'static')!.count).toBe(count((d) => d.remote === 'remote' && d.experience_level === 'senior' && d.source === 'static'));
    expect(page.facets.remote.find((f) => f.value === 'remote')!.count).toBe(page.total);
  });

  it('counts salary and posting-date thresholds the way the filters would apply them', async () => {
    const page = await noProfile().search(params({}), ME, NOW);
    const visible = await visibleDocs();
    for (const { value, count } of page.facets.salary_min) expect(count).toBe(visible.filter((d) => matchesFilters(d, { salary_min: Number(value) }, TODAY)).length);
    for (const { value, count } of page.facets.posted_within_days) expect(count).toBe(visible.filter((d) => matchesFilters(d, { posted_within_days: Number(value) }, TODAY)).length);
    const java = page.facets.skills.find((f) => f.value === 'Java')!;
    expect(java.count).toBe(visible.filter((d) => d.skills.includes('Java')).length);
  });
});

describe('job search: order and explanations', () => {
  it('without a profile: newest first, and an explanation saying there is no profile', async () => {
    const page = await noProfile().search(params({ limit: '41' }), ME, NOW);
    expect(page).toMatchObject({ ranked_by: 'newest', profile_used: false });
    const dates = page.items.map((item) => item.job.posted_date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(page.items[0]!.explanation).toMatchObject({ profile_used: false, match_score: null, parts: [], rank_score: null });
    expect(page.items[0]!.explanation.summary).toMatch(/^No profile/);
  });

  it('with a profile: by match score, ties by id, each with its score and parts', async () => {
    const page = await queries().search(params({ limit: '41' }), ME, NOW);
    expect(page.ranked_by).toBe('profile');
    const keys = page.items.map((item) => [item.explanation.match_score!, item.job.id] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    expect(keys).toEqual(sorted);
    const top = page.items[0]!;
    expect(top.job.title).toBe('Backend Engineer');
    expect(top.explanation.matched_skills).toEqual(['Java', 'PostgreSQL']);
    expect(top.explanation.parts.map((p) => p.name)).toEqual(['skills', 'title', 'seniority']);
    expect(top.explanation.summary).toMatch(/^Match \d+\/100: you have Java, PostgreSQL/);
  });

  it('with q and no profile: relevance order; with a profile: relevance averaged with the match', async () => {
    const plain = await noProfile().search(params({ q: 'frontend', limit: '41' }), ME, NOW);
    expect(plain.ranked_by).toBe('relevance');
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.items.every((item) => item.job.title === 'Frontend Engineer')).toBe(true);
    expect(plain.items.map((item) => item.explanation.relevance_rank)).toEqual(plain.items.map((_, i) => i + 1));
    const blended = await queries().search(params({ q: 'engineer', limit: '41' }), ME, NOW);
    expect(blended.ranked_by).toBe('profile_and_relevance');
    for (const item of blended.items) {
      const relevance = 100 * (1 - (item.explanation.relevance_rank! - 1) / blended.total);
      expect(item.explanation.rank_score).toBeCloseTo((relevance + item.explanation.match_score!) / 2, 0);
    }
  });
});

describe('job search: documents kept between changes of the projection', () => {
  it('reads the documents again once the projection is handed a job event, not when its checkpoint only passes other events', async () => {
    const local = newStore();
    await seedJobs(local, [{ content: posting({ title: 'Backend Engineer' }) }]);
    const checkpoints = new CheckpointStore(local);
    await checkpoints.save(JobSearchReadModel.name, '0000000000000010', '0000000000000010');
    const q = new JobSearchQueries(local, async () => null);
    expect((await q.search(params({}), ME, NOW)).total).toBe(1);
    // A document written by a batch whose checkpoint is not saved yet: the kept copy is still served.
    const [late] = await seedJobs(local, [{ content: posting({ title: 'Frontend Engineer' }) }]);
    expect((await q.search(params({}), ME, NOW)).total).toBe(1);
    // The checkpoint passes events the projection does not take (a profile was written): still the copy.
    await checkpoints.save(JobSearchReadModel.name, '0000000000000011');
    expect((await q.search(params({}), ME, NOW)).total).toBe(1);
    // The batch that wrote the document is saved as handed over.
    await checkpoints.save(JobSearchReadModel.name, '0000000000000012', '0000000000000012');
    const page = await q.search(params({}), ME, NOW);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.job.id)).toContain(late);
  });
});
