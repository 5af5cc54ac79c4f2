import type { Seniority, YearsOfExperience } from '../../../contracts/jobs/keyword-analysis';
import { Segment, spanText } from './segment';

/**
 * Seniority, from the first source that says: the title ("Senior", "Staff Engineer", "VP",
 * "Intern", "Engineer II"), then explicit phrases in the text ("entry-level", "new grads",
 * "mid-level"), then the years asked (0-1 junior, 2-4 mid, 5+ senior). Title rules are checked
 * from the most to the least senior, so "Senior Director" is executive.
 */

/** "Staff Engineer" is principal-level; "Staff Nurse" and "Staff Accountant" are not. */
const STAFF_FIELDS = 'software|data|machine|ml|backend|frontend|front-end|back-end|platform|security|site|product|mobile|infrastructure|research';

const TITLE_RULES: Array<[Seniority, RegExp]> = [
  ['intern', /\b(intern|internship|co-op|apprentice(ship)?|trainee)\b/i],
  ['executive', /\b(chief|c[etfom]o|ciso|cdo|vp|svp|evp|vice president|head of|director|general manager)\b/i],
  ['principal', /\b(principal|distinguished|fellow)\b/i],
  ['principal', new RegExp(`\\bstaff (${STAFF_FIELDS})?\\s*(engineer|developer|scientist|designer)\\b`, 'i')],
  ['lead', /\b(lead|leader|team lead|tech lead|engineering manager|supervisor|charge nurse|nurse manager|manager,? (engineering|software))\b/i],
  ['senior', /\b(senior|sr|snr|iii|iv)\b/i],
  ['mid', /\b(mid[- ]level|intermediate|ii)\b/i],
  ['junior', /\b(junior|jr|entry[- ]level|graduate|new grad|associate|assistant|i)\b/i],
];

const TEXT_RULES: Array<[Seniority, RegExp]> = [
  ['intern', /\b(internship|summer intern)\b/i],
  ['executive', /\b(executive[- ]level|c-level role)\b/i],
  ['principal', /\b(staff|principal)[- ]level\b/i],
  ['senior', /\bsenior[- ]level\b/i],
  ['mid', /\bmid[- ]level\b/i],
  ['junior', /\b(entry[- ]level|new grads?|new graduates?|recent grad(uate)?s?|early[- ]career|junior[- ]level)\b/i],
];

export function seniority(title: string, segments: Segment[], years: YearsOfExperience | null): Seniority | null {
  const lead = /\blead (generation|gen)\b/i.test(title) ? title.replace(/\blead\b/i, '') : title;
  const fromTitle = TITLE_RULES.find(([, re]) => re.test(lead));
  if (fromTitle) return fromTitle[0];
  const text = segments.filter((s) => s.context !== 'ignored' && s.context !== 'title').map(spanText).join('\n');
  const fromText = TEXT_RULES.find(([, re]) => re.test(text));
  if (fromText) return fromText[0];
  if (years?.min == null) return null;
  return years.min <= 1 ? 'junior' : years.min <= 4 ? 'mid' : 'senior';
}
