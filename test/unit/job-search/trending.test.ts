import { JobSearchQueries } from '../../../src/job-search/job-search-queries';
import { trendWindows } from '../../../src/job-search/trending';
import { ReadStore } from '../../../src/read-store/port';
import { applyAll, newStore, posting, seedJobs } from './fixtures';

const OTHER = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `dddddddd-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const job = (n: number, title: string, requirements: string[], posted_date: string | null, extra: { user_id?: string; status?: 'draft' | 'active'; created_at?: string } = {}) => ({
  id: id(n),
  ...extra,
  content: posting({ title, requirements: requirements.map((skill) => `Experience in ${skill}`), posted_date }),
});

/*
 * Today is 2026-11-30 in the first tests. The 7-day windows: current 11-24..11-30, previous 11-17..11-23.
 * Rust: 3 now (one of them posted without a date: counted on the day it was created), 1 before.
 * Kubernetes: 1 now, 2 before (falling: not listed). Python: 1 now, 0 before.
 * "Backend Engineer" (Senior and plain are one title): 3 now, 1 before.
 * Not counted: another user's private Rust job, a draft, a job posted 11-16 (before both windows).
 */
let store: ReadStore;
beforeEach(async () => {
  store = newStore();
  await seedJobs(store, [
    job(1, 'Senior Backend Engineer', ['Rust'], '2026-11-30'),
    job(2, 'Backend Engineer', ['Rust', 'Python'], '2026-11-24'),
    job(3, 'Backend Engineer (Rust)', ['Rust'], null, { created_at: '2026-11-28T08:00:00.000Z' }),
    job(4, 'Platform Engineer', ['Kubernetes'], '2026-11-25'),
    job(5, 'Backend Engineer', ['Rust', 'Kubernetes'], '2026-11-23'),
    job(6, 'Platform Engineer', ['Kubernetes'], '2026-11-17'),
    job(7, 'Rust Engineer', ['Rust'], '2026-11-29', { user_id: OTHER }),
    job(8, 'Rust Engineer', ['Rust'], '2026-11-29', { status: 'draft' }),
    job(9, 'Platform Engineer', ['Kubernetes', 'Rust'], '2026-11-16'),
  ]);
});

const trending = (now: string, window: '7' | '30' = '7') => new JobSearchQueries(store, async () => null).trending({ window, limit: 20 }, now);

describe('trending', () => {
  it('names its windows: the last N days with today, and the N days before', () => {
    expect(trendWindows('2026-11-30', 7)).toEqual({ current: { from: '2026-11-24', to: '2026-11-30' }, previous: { from: '2026-11-17', to: '2026-11-23' } });
    expect(trendWindows('2026-03-01', 30).previous).toEqual({ from: '2026-01-01', to: '2026-01-30' });
  });

  it('counts rising skills and titles in the last 7 days against the 7 before', async () => {
    const report = await trending('2026-11-30T12:00:00.000Z');
    expect(report.postings).toEqual({ current: 4, previous: 2 });
    expect(report.skills).toEqual([
      { name: 'Rust', current: 3, previous: 1, change: 2, change_ratio: 2 },
      { name: 'Python', current: 1, previous: 0, change: 1, change_ratio: null },
    ]);
    expect(report.titles).toEqual([{ name: 'backend engineer', current: 3, previous: 1, change: 2, change_ratio: 2 }]);
  });

  it('moves with the clock: a week later the same postings are the previous window', async () => {
    const report = await trending('2026-12-07T09:00:00.000Z');
    expect(report.postings).toEqual({ current: 0, previous: 4 });
    expect(report.skills).toEqual([]);
  });

  it('counts over 30 days against the 30 before', async () => {
    const report = await trending('2026-11-30T12:00:00.000Z', '30');
    expect(report.current).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(report.postings).toEqual({ current: 7, previous: 0 });
    expect(report.skills.map((s) => [s.name, s.current])).toEqual([
      ['Rust', 5],
      ['Kubernetes', 4],
      ['Python', 1],
    ]);
  });

  it('counts a draft once it is made active, and stops counting a deleted job', async () => {
    await applyAll(store, `job-${id(8)}`, [{ type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } }], '2026-11-29T10:00:00.000Z', 2);
    await applyAll(store, `job-${id(1)}`, [{ type: 'JobDeleted', data: { job_id: id(1), user_id: OTHER } }], '2026-11-30T10:00:00.000Z', 2);
    const report = await trending('2026-11-30T12:00:00.000Z');
    expect(report.skills[0]).toEqual({ name: 'Rust', current: 3, previous: 1, change: 2, change_ratio: 2 });
    expect(report.titles.map((t) => t.name)).toEqual(['backend engineer', 'rust engineer']);
  });
});
