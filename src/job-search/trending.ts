import { Trend, TrendingReport } from '../../contracts/job-search/http';
import { JobSearchDocument } from '../../contracts/job-search/read-model';

/** The day `days` before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The current window (the last `window` days, today included) and the one before it. */
export function trendWindows(today: string, window: number) {
  return {
    current: { from: daysBefore(today, window - 1), to: today },
    previous: { from: daysBefore(today, 2 * window - 1), to: daysBefore(today, window) },
  };
}

/**
 * Rising skills and titles: postings per skill and per normalised title in the current window
 * against the previous one, counted from the job-search documents (only `counted` ones, posted
 * in either window). Rising means more postings now than before; most risen first, then the most
 * postings now, then by name.
 */
export function trendingReport(docs: Array<Pick<JobSearchDocument, 'counted' | 'trend_day' | 'trend_title' | 'skills'>>, today: string, window: number, limit: number): TrendingReport {
  const { current, previous } = trendWindows(today, window);
  const skills = new Map<string, [number, number]>();
  const titles = new Map<string, [number, number]>();
  const postings = { current: 0, previous: 0 };
  for (const doc of docs) {
    if (!doc.counted) continue;
    const day = doc.trend_day;
    const slot: 0 | 1 | -1 = day >= current.from && day <= current.to ? 0 : day >= previous.from && day <= previous.to ? 1 : -1;
    if (slot === -1) continue;
    postings[slot === 0 ? 'current' : 'previous'] += 1;
    for (const skill of doc.skills) bump(skills, skill, slot);
    bump(titles, doc.trend_title, slot);
  }
  return { window_days: window, current, previous, postings, skills: rising(skills, limit), titles: rising(titles, limit) };
}

function bump(counts: Map<string, [number, number]>, key: string, slot: 0 | 1): void {
  const pair = counts.get(key) ?? [0, 0];
  pair[slot] += 1;
  counts.set(key, pair);
}

function rising(counts: Map<string, [number, number]>, limit: number): Trend[] {
  return [...counts]
    .map(([name, [current, previous]]) => ({ name, current, previous, change: current - previous, change_ratio: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 1000 }))
    .filter((trend) => trend.change > 0)
    .sort((a, b) => b.change - a.change || b.current - a.current || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}
