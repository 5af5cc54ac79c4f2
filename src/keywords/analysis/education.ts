import type { EducationLevel } from '../../../contracts/jobs/keyword-analysis';
import { Segment, spanText } from './segment';

/**
 * The lowest degree a posting accepts. "BS/MS in Computer Science" accepts a bachelor's, "High
 * school diploma required, associate degree preferred" a high-school diploma. Preferred
 * mentions only count when nothing else is said. "No degree required" gives `none` unless a
 * level is also named. Abbreviations are case-sensitive and need a degree-like neighbour, so
 * "MS Excel" and "BA team" are not degrees.
 */

const LEVELS: Array<[Exclude<EducationLevel, 'none'>, RegExp]> = [
  ['doctorate', /\b(ph\.?\s?d|doctorate|doctoral|d\.?phil|pharm\.?d|dnp)\b/i],
  ['master', /\b(master'?s|masters|master of|m\.?sc|mba|m\.?eng|msn|graduate degree|advanced degree|postgraduate)\b/i],
  ['bachelor', /\b(bachelor'?s?|bachelors|b\.?sc|bsn|b\.?eng|bba|bfa|undergraduate degree|(four|4)[- ]year degree|college degree|university degree)\b/i],
  ['associate', /\b(associate'?s? degree|associates degree|associate of|adn|(two|2)[- ]year degree)\b/i],
  ['high_school', /\b(high school|ged|secondary school)\b/i],
];
const DEGREE_NEIGHBOUR = String.raw`(?=\s*(?:in\b|\/|degree|or\b|,|\)|and\b))`;
const ABBREVIATIONS: Array<[Exclude<EducationLevel, 'none'>, RegExp]> = [
  ['master', new RegExp(String.raw`(?:\b(?:MS|MA|M\.S\.|M\.A\.)${DEGREE_NEIGHBOUR}|(?<=\/\s?)(?:MS|MA)\b)`)],
  ['bachelor', new RegExp(String.raw`(?:\b(?:BS|BA|B\.S\.|B\.A\.)${DEGREE_NEIGHBOUR}|(?<=\/\s?)(?:BS|BA)\b)`)],
];
const NO_DEGREE = /\b(no (college |university )?degree (is )?(required|necessary|needed)|degree not required|without a degree)\b/i;
const ANY_DEGREE = /\b(degree in|relevant degree|degree required|related degree)\b/i;
const ORDER: EducationLevel[] = ['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate'];

export function educationLevel(segments: Segment[]): EducationLevel | null {
  const counted = segments.filter((s) => s.context !== 'ignored' && s.context !== 'title');
  const required = counted.filter((s) => s.context !== 'preferred').flatMap((s) => levelsIn(spanText(s)));
  const levels = required.length > 0 ? required : counted.flatMap((s) => levelsIn(spanText(s)));
  const named = levels.filter((l) => l !== 'none');
  const pool = named.length > 0 ? named : levels;
  if (pool.length === 0) return null;
  return pool.reduce((a, b) => (ORDER.indexOf(b) < ORDER.indexOf(a) ? b : a));
}

function levelsIn(text: string): EducationLevel[] {
  const found: EducationLevel[] = [...LEVELS, ...ABBREVIATIONS].filter(([, re]) => re.test(text)).map(([level]) => level);
  if (NO_DEGREE.test(text)) found.push('none');
  else if (found.length === 0 && ANY_DEGREE.test(text)) found.push('bachelor');
  return found;
}
