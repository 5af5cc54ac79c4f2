import { IsoDate } from '../../contracts/jobs/job';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Reads an absolute date: `2026-03-15`, `15 March 2026`, `March 15, 2026`. Slashed dates are
 * ambiguous (03/04 is March or April) and relative ones ("3 days ago") need a clock: both null.
 */
export function parseDate(text: string): string | null {
  const lower = text.toLowerCase();
  const iso = lower.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (iso) return checked(iso[1], iso[2], iso[3]);
  const dayFirst = lower.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`));
  if (dayFirst) return checked(dayFirst[3], monthNumber(dayFirst[2]), dayFirst[1]);
  const monthFirst = lower.match(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`));
  if (monthFirst) return checked(monthFirst[3], monthNumber(monthFirst[1]), monthFirst[2]);
  return null;
}

function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name.slice(0, 3)) + 1);
}

function checked(year: string, month: string, day: string): string | null {
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return IsoDate.safeParse(value).success ? value : null;
}
