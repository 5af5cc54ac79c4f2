import { trendingReport } from '../../../src/job-search/trending';

/**
 * Trending over 30 days against the 30 before, at the windows' edges (issue 14 item 1): counts of
 * postings per skill and per title; what fell or stayed the same is not rising; postings outside
 * both windows or not counted are left out.
 */
const doc = (trend_day: string, trend_title: string, skills: string[], counted = true) => ({ trend_day, trend_title, skills, counted });

const DOCS = [
  doc('2026-10-01', 'go developer', ['Go']), // the day before the previous window
  doc('2026-10-02', 'go developer', ['Go', 'Java']), // first day of the previous window
  doc('2026-10-31', 'java developer', ['Go', 'Java']), // last day of the previous window
  doc('2026-11-01', 'go developer', ['Go']), // first day of the current window
  doc('2026-11-15', 'go developer', ['Go', 'Java']),
  doc('2026-11-30', 'go developer', ['Go', 'Kafka']), // today
  doc('2026-11-20', 'go developer', ['Go', 'Kafka'], false), // not counted (a draft, another user's job)
];

it('counts the last 30 days (today included) against the 30 before, edges included; only what rose, most risen first, then most postings now', () => {
  const report = trendingReport(DOCS, '2026-11-30', 30, 20);
  expect(report).toMatchObject({ window_days: 30, current: { from: '2026-11-01', to: '2026-11-30' }, previous: { from: '2026-10-02', to: '2026-10-31' }, postings: { current: 3, previous: 2 } });
  expect(report.skills).toEqual([
    { name: 'Go', current: 3, previous: 2, change: 1, change_ratio: 0.5 },
    { name: 'Kafka', current: 1, previous: 0, change: 1, change_ratio: null }, // the same rise: more postings now first
  ]);
  // Java: 1 now against 2 before, falling
  expect(report.titles).toEqual([{ name: 'go developer', current: 3, previous: 1, change: 2, change_ratio: 2 }]);
});

it('over 7 days the same postings fall in other windows', () => {
  const report = trendingReport(DOCS, '2026-11-30', 7, 20);
  expect(report).toMatchObject({ current: { from: '2026-11-24', to: '2026-11-30' }, previous: { from: '2026-11-17', to: '2026-11-23' }, postings: { current: 1, previous: 0 } });
  expect(report.skills.map((s) => [s.name, s.current, s.previous])).toEqual([
    ['Go', 1, 0],
    ['Kafka', 1, 0],
  ]);
  expect(trendingReport(DOCS, '2026-11-30', 30, 1).skills.map((s) => s.name)).toEqual(['Go']);
});
