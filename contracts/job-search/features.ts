import type { ExperienceLevel } from '../jobs/job';
import type { Seniority } from '../jobs/keyword-analysis';

/**
 * Ranking features that the job-search projection computes when a job changes and the search
 * computes for the caller's profile, from the same rules: seniority on one 0–6 scale and titles
 * without their seniority words. Pure text rules, no imports, so projections and src share them.
 */

/** intern 0, entry/junior 1, mid 2, senior 3, lead 4, principal 5, executive 6. */
export const LEVEL_OF_EXPERIENCE: Record<ExperienceLevel, number> = { internship: 0, entry: 1, mid: 2, senior: 3, lead: 4, executive: 6 };
export const LEVEL_OF_SENIORITY: Record<Seniority, number> = { intern: 0, junior: 1, mid: 2, senior: 3, lead: 4, principal: 5, executive: 6 };
export const LEVEL_NAMES = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'] as const;

/** Most senior first, so "Senior Director" is executive and "Lead Engineer II" is lead. */
const TITLE_LEVELS: Array<[number, RegExp]> = [
  [0, /\b(intern|internship|trainee|apprentice)\b/i],
  [6, /\b(chief|cto|ceo|cfo|coo|cmo|ciso|vp|svp|vice president|head of|director)\b/i],
  [5, /\b(principal|distinguished|staff engineer|staff software)\b/i],
  [4, /\b(lead|team lead|tech lead|engineering manager|supervisor)\b/i],
  [3, /\b(senior|sr\.?|snr|iii)(?=\W|$)/i],
  [2, /\b(mid[- ]level|intermediate|ii)\b/i],
  [1, /\b(junior|jr\.?|entry[- ]level|graduate|new grad)(?=\W|$)/i],
];

/** The seniority a title states, or null when it states none. */
export function levelOfTitle(title: string): number | null {
  return TITLE_LEVELS.find(([, re]) => re.test(title))?.[0] ?? null;
}

/** The seniority that years of experience usually mean: <2 junior, <5 mid, <9 senior, else lead. */
export function levelOfYears(years: number): number {
  return years < 2 ? 1 : years < 5 ? 2 : years < 9 ? 3 : 4;
}

const SENIORITY_WORDS =
  /\b(senior|sr|snr|junior|jr|lead|staff|principal|intern|internship|trainee|mid[- ]level|entry[- ]level|intermediate|i{1,3}|iv)\b\.?/gi;

/** The title without seniority words and bracketed remarks: "Senior Backend Engineer (Go)" → "Backend Engineer". */
export function titleWithoutSeniority(title: string): string {
  return title
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')
    .replace(SENIORITY_WORDS, ' ')
    .replace(/\s*[-–—|,/]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A title as trending counts it: without seniority, lower case, single spaces ("backend engineer"). */
export function normalisedTitle(title: string): string {
  const bare = titleWithoutSeniority(title).toLowerCase().normalize('NFC');
  return bare.replace(/[^\p{L}\p{N}+#.&\s-]/gu, ' ').replace(/\s+/g, ' ').trim() || title.trim().toLowerCase();
}
