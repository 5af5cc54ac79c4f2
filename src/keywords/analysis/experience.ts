import type { YearsOfExperience } from '../../../contracts/jobs/keyword-analysis';
import { Segment, spanText } from './segment';

/**
 * Years of experience asked: "5+ years", "3-5 years", "3 to 5 yrs", "at least five years",
 * "minimum of 2 years", "up to 2 years". A figure counts when it sits in the requirements, or
 * elsewhere when "experience" (or similar) follows it; company history ("for the past 10 years",
 * "founded 12 years ago") never counts. The posting's figure is the one with the highest minimum
 * among required mentions, or among preferred ones if there are no others.
 */

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};
const N = `(\\d{1,2}|${Object.keys(WORDS).join('|')})`;
const QUALIFIER = '(at least|a minimum of|minimum of|minimum|min|over|more than|no less than|upwards of|up to|less than|under|maximum of|max)';
const RANGE_END = `(?:(?:-|–|—|to)\\s*${N}\\s*\\+?\\s*)?`;
/** qualifier? number "(5)"? "+"? range-end? "years" "+"? — groups: 1 qualifier, 2 number, 4 range end. */
const YEARS = new RegExp(
  `(?:\\b${QUALIFIER}\\.?\\s+)?\\b${N}(?:\\s*\\(\\s*\\d{1,2}\\s*\\))?\\s*(\\+)?\\s*${RANGE_END}(?:years?|yrs?)\\b(\\s*\\+)?`,
  'gi',
);
const NOT_EXPERIENCE_AFTER = /^\s*(old|ago|of age|warranty|anniversary|in business|running)/i;
const NOT_EXPERIENCE_BEFORE = /\b(past|last|next|first|within|in the|for the|over the|founded|since|than)\s*$/i;
const EXPERIENCE_AFTER = /^\W{0,3}(of|in|as|with|building|designing|developing|managing|leading|working|selling|shipping|running|professional|industry|hands-on|relevant|post|progressive|proven|direct|clinical|experience)\b|experience|background/i;

interface Mention extends YearsOfExperience {
  preferred: boolean;
}

export function yearsOfExperience(segments: Segment[]): YearsOfExperience | null {
  const mentions = segments.flatMap(mentionsIn);
  const required = mentions.filter((m) => !m.preferred);
  const pool = required.length > 0 ? required : mentions;
  if (pool.length === 0) return null;
  const best = pool.reduce((a, b) => ((b.min ?? 0) > (a.min ?? 0) ? b : a));
  return { min: best.min, max: best.max };
}

function mentionsIn(segment: Segment): Mention[] {
  if (segment.context === 'ignored' || segment.context === 'title') return [];
  const listed = segment.context === 'required' || segment.context === 'preferred';
  const mentions: Mention[] = [];
  const text = spanText(segment);
  for (const match of text.matchAll(YEARS)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
    if (NOT_EXPERIENCE_BEFORE.test(before) || NOT_EXPERIENCE_AFTER.test(after)) continue;
    if (!listed && !EXPERIENCE_AFTER.test(after)) continue;
    const range = toRange(match[1]?.toLowerCase(), number(match[2]), match[4] ? number(match[4]) : null);
    if (range) mentions.push({ ...range, preferred: segment.context === 'preferred' });
  }
  return mentions;
}

function toRange(qualifier: string | undefined, first: number, second: number | null): YearsOfExperience | null {
  if (second !== null) return first <= second ? { min: first, max: second } : null;
  if (qualifier && /up to|less than|under|max/.test(qualifier)) return { min: null, max: first };
  return { min: first, max: null };
}

function number(text: string): number {
  return WORDS[text.toLowerCase()] ?? Number(text);
}
