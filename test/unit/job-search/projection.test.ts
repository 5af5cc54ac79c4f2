import { JobSearchDocument, JobSearchReadModel } from '../../../contracts/job-search/read-model';
import { analyzeJob } from '../../../src/keywords';
import { applyAll, newStore, posting, seedJobs } from './fixtures';

const id = 'eeeeeeee-0000-4000-8000-000000000001';
const senior = posting({
  title: 'Senior Backend Engineer (Java)',
  experience_level: 'senior',
  salary_range: { min: 5000, max: 6000, currency: 'EUR', period: 'month' },
  requirements: ['Strong Java experience', 'PostgreSQL in production', 'Nice to have: Docker'],
});

async function docAfter(analysed: boolean) {
  const store = newStore();
  await seedJobs(store, [{ id, content: senior, analysed }]);
  return { store, doc: (await store.collection<JobSearchDocument>(JobSearchReadModel.collection).get(id))! };
}

describe('job_search_v1 projection: ranking features computed once per change', () => {
  it('keeps what a result shows and the features a search ranks by', async () => {
    const { doc } = await docAfter(true);
    expect(doc).toMatchObject({ id, title: senior.title, status: 'active', level: 3, salary_annual_max: 72_000, skills: ['Java', 'PostgreSQL', 'Docker'] });
    expect(doc.required_skills).toEqual(['Java', 'PostgreSQL']);
    expect(doc.preferred_skills).toEqual(['Docker']);
    // Seniority words and the bracketed remark are not title words.
    expect(doc.title_terms).not.toContain('senior');
    expect(doc.title_terms.length).toBe(2);
    expect(doc).not.toHaveProperty('description');
  });

  it('counts every mentioned skill as required until the analysis splits them', async () => {
    const { doc } = await docAfter(false);
    expect(doc.required_skills).toEqual(['Java', 'PostgreSQL', 'Docker']);
    expect(doc.preferred_skills).toEqual([]);
  });

  it("takes the analysis's seniority when the posting states no experience level", async () => {
    const store = newStore();
    const content = posting({ title: 'Lead Data Engineer', requirements: ['Python'] });
    await seedJobs(store, [{ id, content }]);
    const doc = (await store.collection<JobSearchDocument>(JobSearchReadModel.collection).get(id))!;
    expect(analyzeJob(content).seniority).toBe('lead');
    expect(doc.level).toBe(4);
  });

  it('follows updates, status changes and deletion', async () => {
    const { store } = await docAfter(true);
    const jobs = store.collection<JobSearchDocument>(JobSearchReadModel.collection);
    const updated = posting({ title: 'Backend Engineer', requirements: ['Rust experience', 'Experience in Rust'], salary_range: null });
    await applyAll(store, `job-${id}`, [{ type: 'JobUpdated', data: { content: updated, content_hash: 'f'.repeat(64) } }], '2026-11-02T09:00:00.000Z', 2);
    expect(await jobs.get(id)).toMatchObject({ title: 'Backend Engineer', level: null, salary_annual_max: null, preferred_skills: [] });
    // A late analysis of the content before the update is not applied to the new content.
    await applyAll(store, `job-${id}`, [{ type: 'JobAnalyzed', data: { content_hash: 'a'.repeat(64), analysis: analyzeJob(senior) } }], '2026-11-02T10:00:00.000Z', 3);
    expect(await jobs.get(id)).toMatchObject({ level: null, preferred_skills: [], required_skills: ['Rust'] });
    await applyAll(store, `job-${id}`, [{ type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } }], '2026-11-03T09:00:00.000Z', 4);
    expect((await jobs.get(id))!.status).toBe('archived');
    await applyAll(store, `job-${id}`, [{ type: 'JobDeleted', data: { job_id: id, user_id: id } }], '2026-11-04T09:00:00.000Z', 5);
    expect((await jobs.get(id))!._deleted).toBe(true);
  });
});
