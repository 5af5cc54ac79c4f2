import { ApplicationDocument, ApplicationsReadModel } from '../../../contracts/applications/read-model';
import { ProfileSummary } from '../../../contracts/profiles/read-model';
import { JobSearchQueries } from '../../../src/job-search/job-search-queries';
import { ReadStore } from '../../../src/read-store/port';
import { newStore, posting, profile, seedJobs } from './fixtures';

const NOW = '2026-11-30T10:00:00.000Z';
const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `aaaaaaaa-0000-4000-8000-00000000000${n}`;

/**
 * Five public jobs, one private job of another user and one draft job of mine (not active). The
 * backend profile knows Java, Postgres (= PostgreSQL), k8s (= Kubernetes) and Docker, is a
 * Senior Backend Engineer now and was a Backend Developer before.
 */
const JOBS = [
  { id: id(1), content: posting({ title: 'Senior Backend Engineer', experience_level: 'senior', requirements: ['Strong Java experience', 'PostgreSQL in production', 'Kubernetes', 'Nice to have: Docker'] }) },
  { id: id(2), content: posting({ title: 'Backend Engineer', experience_level: 'mid', requirements: ['Python', 'PostgreSQL', 'Docker'] }) },
  { id: id(3), content: posting({ title: 'Senior Frontend Engineer', experience_level: 'senior', requirements: ['React', 'TypeScript'] }) },
  { id: id(4), content: posting({ title: 'Registered Nurse', experience_level: 'mid', description: 'Care for patients on a busy ward.', requirements: ['Current nursing licence'] }) },
  { id: id(5), content: posting({ title: 'Data Engineer', experience_level: 'senior', requirements: ['Python', 'Apache Spark', 'SQL'] }) },
  { id: id(6), user_id: OTHER, content: posting({ title: 'Senior Backend Engineer', experience_level: 'senior', requirements: ['Java', 'PostgreSQL', 'Kubernetes', 'Docker'] }) },
  { id: id(7), user_id: ME, status: 'draft' as const, content: posting({ title: 'Senior Backend Engineer', experience_level: 'senior', requirements: ['Java', 'PostgreSQL', 'Kubernetes'] }) },
];

const backend = profile({ skills: ['Java', 'Postgres', 'k8s', 'Docker'], titles: ['Senior Backend Engineer', 'Backend Developer'], months: 84 });
const frontend = profile({ skills: ['React', 'TypeScript', 'CSS'], titles: ['Frontend Developer'], months: 36 });

let store: ReadStore;
beforeEach(async () => {
  store = newStore();
  await seedJobs(store, JOBS);
});

const queriesFor = (p: ProfileSummary | null) => new JobSearchQueries(store, async () => p);
const recommend = (p: ProfileSummary | null, limit = 10) => queriesFor(p).recommendations({ limit }, ME, NOW);

describe('recommendations: the order, pinned', () => {
  /*
   * Why this order (score = 60 × skills + 25 × title + 15 × seniority):
   *   1 Senior Backend Engineer  100: every required skill (Java, PostgreSQL, Kubernetes) and the preferred
   *                              Docker through the aliases; the same title; the same level.
   *   2 Backend Engineer          75: 2 of 3 required skills (no Python) = 40; same title words = 25;
   *                              mid against senior, one level apart = 10.
   *   3 Senior Frontend Engineer  23: no skill; "engineer" is 1 of 3 title words = 8.3; same level = 15.
   *   5 Data Engineer             23: the same as 3 by the numbers; ties go by id, so 3 before 5.
   *   4 Registered Nurse          10: no skill (the posting names none), no title word; one level apart.
   * Job 6 is another user's, job 7 a draft of mine: neither is an active job the caller may see.
   */
  it('ranks the backend profile 1, 2, 3, 5, 4 with those scores', async () => {
    const list = await recommend(backend);
    expect(list.items.map((item) => [item.job.id, item.explanation.match_score])).toEqual([
      [id(1), 100],
      [id(2), 75],
      [id(3), 23],
      [id(5), 23],
      [id(4), 10],
    ]);
  });

  it('ranks the frontend profile: the frontend job first, then by title and level, ties by id', async () => {
    const list = await recommend(frontend);
    expect(list.items[0]!.job.id).toBe(id(3));
    expect(list.items[0]!.explanation.matched_skills).toEqual(['React', 'TypeScript']);
    expect(list.items[0]!.explanation.missing_skills).toEqual([]);
    const scores = list.items.map((item) => item.explanation.match_score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('gives the same list for the same data, call after call', async () => {
    const first = await recommend(backend);
    const second = await recommend(backend);
    expect(second).toEqual(first);
  });

  it('takes the first `limit`', async () => {
    const list = await recommend(backend, 2);
    expect(list.items.map((item) => item.job.id)).toEqual([id(1), id(2)]);
  });
});

describe('recommendations: the explanation', () => {
  it('names the matched and missing skills and the parts that add up to the score', async () => {
    const second = (await recommend(backend)).items[1]!;
    expect(second.explanation).toMatchObject({ profile_used: true, match_score: 75, matched_skills: ['PostgreSQL', 'Docker'], missing_skills: ['Python'] });
    const parts = Object.fromEntries(second.explanation.parts.map((part) => [part.name, part]));
    expect(parts.skills).toMatchObject({ weight: 0.6, value: 0.667, points: 40 });
    expect(parts.skills!.detail).toBe('you have 2 of 3 required and 0 of 0 preferred skills');
    expect(parts.title).toMatchObject({ value: 1, points: 25 });
    expect(parts.title!.detail).toContain('Senior Backend Engineer');
    expect(parts.seniority).toMatchObject({ value: 0.667, points: 10 });
    expect(parts.seniority!.detail).toBe('the job is mid; your current title "Senior Backend Engineer" says senior');
    const total = second.explanation.parts.reduce((sum, part) => sum + part.points, 0);
    expect(Math.round(total)).toBe(75);
  });

  it('counts a preferred skill as matched apart from the required ones', async () => {
    const first = (await recommend(backend)).items[0]!;
    expect(first.explanation.matched_skills).toEqual(['Java', 'PostgreSQL', 'Kubernetes', 'Docker']);
    expect(first.explanation.parts.find((p) => p.name === 'skills')!.detail).toBe('you have 3 of 3 required and 1 of 1 preferred skills');
  });

  it('judges seniority by years when the title says none', async () => {
    const plain = profile({ skills: ['Java'], titles: ['Backend Developer'], months: 30 });
    const first = (await recommend(plain)).items.find((item) => item.job.id === id(2))!;
    expect(first.explanation.parts.find((p) => p.name === 'seniority')!.detail).toBe('the job is mid; 2 years of experience suggest mid');
  });
});

describe('recommendations: what is left out', () => {
  async function apply(job_id: string, status: ApplicationDocument['status']) {
    const doc = { _id: `app-${job_id}`, _applied: {}, id: `bbbbbbbb-0000-4000-8000-00000000000${job_id.slice(-1)}`, user_id: ME, job_id, document_id: null, document_version: null, status, applied_date: null, notes: '', created_at: NOW, updated_at: NOW, version: 1, timeline: [] };
    await store.collection<ApplicationDocument>(ApplicationsReadModel.collection).upsert(doc);
  }

  it('leaves out a job I applied to, and says how many were left out', async () => {
    await apply(id(1), 'applied');
    const list = await recommend(backend);
    expect(list.items.map((item) => item.job.id)).toEqual([id(2), id(3), id(5), id(4)]);
    expect(list.excluded_applied).toBe(1);
  });

  it('leaves out interviewing, rejected and withdrawn ones too, but still recommends one I am only preparing', async () => {
    await apply(id(1), 'preparing');
    await apply(id(2), 'interviewing');
    await apply(id(3), 'withdrawn');
    const ids = (await recommend(backend)).items.map((item) => item.job.id);
    expect(ids).toEqual([id(1), id(5), id(4)]);
  });

  it("ignores another user's applications", async () => {
    await store.collection<ApplicationDocument>(ApplicationsReadModel.collection).upsert({
      _id: 'theirs', _applied: {}, id: 'cccccccc-0000-4000-8000-000000000001', user_id: OTHER, job_id: id(1), document_id: null, document_version: null,
      status: 'applied', applied_date: null, notes: '', created_at: NOW, updated_at: NOW, version: 1, timeline: [],
    });
    expect((await recommend(backend)).items[0]!.job.id).toBe(id(1));
  });

  it("never shows another user's private job, nor my draft", async () => {
    const ids = (await recommend(backend, 50)).items.map((item) => item.job.id);
    expect(ids).not.toContain(id(6));
    expect(ids).not.toContain(id(7));
  });

  it('needs a profile', async () => {
    await expect(recommend(null)).rejects.toMatchObject({ code: 'PROFILE.NOT_FOUND' });
  });
});
