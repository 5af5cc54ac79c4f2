/** Month arithmetic on `YYYY-MM[-DD]` dates. A span counts both its first and last month. */

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

export interface Span {
  start_date: string | null;
  end_date: string | null;
  is_current?: boolean;
}

/** Month index of a span's end: today for a current role, its start when the end is unknown. */
function endIndex(span: Span & { start_date: string }, now: string): number {
  if (span.end_date) return monthIndex(span.end_date);
  return span.is_current ? monthIndex(now) : monthIndex(span.start_date);
}

export function durationMonths(span: Span, now: string): number {
  if (!span.start_date) return 0;
  return Math.max(1, endIndex(span as Span & { start_date: string }, now) - monthIndex(span.start_date) + 1);
}

/** Months covered by at least one span: overlapping roles are not counted twice. */
export function coveredMonths(spans: Span[], now: string): number {
  const intervals = spans
    .filter((s): s is Span & { start_date: string } => Boolean(s.start_date))
    .map((s) => [monthIndex(s.start_date), endIndex(s, now)] as const)
    .filter(([start, end]) => end >= start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const [start, end] of intervals) {
    const from = Math.max(start, coveredUntil + 1);
    if (end >= from) total += end - from + 1;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total;
}
