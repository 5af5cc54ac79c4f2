import type { ProfileView } from '../../contracts/profiles/read-model';

/**
 * Dates as the profile states them (`2021-03` or `2021-03-15`). "Present" for a current role is
 * the profile's own `updated_at`, never the clock, so the same profile version always yields the
 * same years of experience.
 */

const monthsOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Months of work the experiences cover, overlapping roles counted once. */
export function experienceMonths(profile: ProfileView): number {
  const now = profile.updated_at.slice(0, 7);
  const spans = profile.experiences
    .map((e) => [monthsOf(e.start_date), monthsOf(e.is_current ? now : e.end_date ?? e.start_date)] as const)
    .filter(([start, end]) => end >= start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [start, end] of spans) {
    const from = Math.max(start, reached);
    if (end > from) total += end - from;
    reached = Math.max(reached, end);
  }
  return total;
}

/** Whole years of experience the profile's dates support. */
export function experienceYears(profile: ProfileView): number {
  return Math.floor(experienceMonths(profile) / 12);
}

/** "2021-03 – present", "2014-10 – 2016-09", "2022-01"; null when the entry has no dates. */
export function dateRange(start: string | null, end: string | null, current = false): string | null {
  if (!start && !end) return null;
  if (!start) return end;
  if (current) return `${start} – present`;
  return end ? `${start} – ${end}` : start;
}

/** The most recent role: a current one first, then the latest end or start date. */
export function mostRecent<T extends { is_current: boolean; start_date: string; end_date: string | null }>(entries: T[]): T | null {
  const key = (e: T) => `${e.is_current ? '9' : '0'}${e.end_date ?? e.start_date}${e.start_date}`;
  return [...entries].sort((a, b) => key(b).localeCompare(key(a)))[0] ?? null;
}
