import { JobSearchQueries } from '../../../src/job-search/job-search-queries';
import { applyAll, newStore, posting, profile, seedJobs } from './fixtures';

/**
 * Issue 14 item 1: recommendations leave out jobs the caller archived (and jobs archived because
 * their posting left the job board), and take a job back once it is active again.
 */
const NOW = '2026-11-30T10:00:00.000Z';
const ME = '11111111-1111-4111-8111-111111111111';
const MINE = 'aaaaaaaa-0000-4000-8000-000000000001';
const PUBLIC = 'aaaaaaaa-0000-4000-8000-000000000002';

const backend = profile({ skills: ['Java', 'Postgres', 'k8s'], titles: ['Senior Backend Engineer'], months: 84 });
const job = (title: string) => posting({ title, experience_level: 'senior', requirements: ['Java', 'PostgreSQL', 'Kubernetes'] });

it('given my job and a catalogue job both matching, when either is archived, then it is not recommended; active again, it is', async () => {
  const store = newStore();
  await seedJobs(store, [
    { id: MINE, user_id: ME, content: job('Senior Backend Engineer') },
    { id: PUBLIC, content: job('Backend Engineer') },
  ]);
  const queries = new JobSearchQueries(store, async () => backend);
  const recommended = async () => (await queries.recommendations({ limit: 10 }, ME, NOW)).items.map((item) => item.job.id);
  expect(await recommended()).toEqual([MINE, PUBLIC]);

  await applyAll(store, `job-${MINE}`, [{ type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } }], NOW, 2);
  expect(await recommended()).toEqual([PUBLIC]);
  // a public job archived (as a board job is when its posting leaves the board)
  await applyAll(store, `job-${PUBLIC}`, [{ type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } }], NOW, 2);
  expect(await recommended()).toEqual([]);

  await applyAll(store, `job-${MINE}`, [{ type: 'JobStatusChanged', data: { from: 'archived', to: 'active' } }], NOW, 3);
  expect(await recommended()).toEqual([MINE]);
});
