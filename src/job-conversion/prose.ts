import { parseDate } from './dates';
import { offer, type Offer } from './evidence';
import { COMPANY_IS_HIRING } from './header';
import { firstUrl } from './labels';
import type { Line } from './lines';
import { looksLikeUnmarkedCompany } from './names';
import { looksLikePlace } from './places';
import { readSalary } from './salary';
import type { Section } from './sections';
import { employmentTypeInProse, experienceLevelFromYears, remotePolicyInProse } from './work-terms';

/** What running text says about the scalar fields; weaker than labels and the header. */
export interface ProseReading {
  offers: Offer[];
  /** Pay lines that could not be used; reported only if no pay was found elsewhere. */
  warnings: string[];
}

const AT_COMPANY_WE = /^At\s+(\p{Lu}[\p{L}\d&.'-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\d&.'-]*){0,3}),\s+(?:we|our)\b/u;
const BASED_IN = /\bbased (?:in|at|out of) (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*(?:,\s*\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*){0,2})/u;
const DEADLINE = /\b(apply by|applications close|closing date|deadline|closes on)\b|\bappl(y|ications?)\b.*\b(by|before|until)\b/i;

export function readProse(sections: Section[], skip: Set<number>): ProseReading {
  const reading: ProseReading = { offers: [], warnings: [] };
  for (const section of sections) {
    const applySection = section.kind === 'ignored' && /apply/i.test(section.heading ?? '');
    for (const line of section.lines) {
      if (skip.has(line.index)) continue;
      readLine(line, reading, applySection);
      if (section.kind === 'requirements') {
        const level = experienceLevelFromYears(line.text);
        if (level) reading.offers.push(offer('experience_level', level, 0.4));
      }
    }
    if (section.kind === 'about_company' && section.companyName && looksLikeUnmarkedCompany(section.companyName)) {
      reading.offers.push(offer('company', section.companyName, 0.75));
    }
  }
  return reading;
}

function readLine(line: Line, reading: ProseReading, applySection: boolean): void {
  const { text } = line;
  const push = (item: Offer | null) => item && reading.offers.push(item);
  const hiring = text.match(COMPANY_IS_HIRING) ?? text.match(AT_COMPANY_WE);
  if (hiring && looksLikeUnmarkedCompany(hiring[1])) push(offer('company', hiring[1], hiring[0].startsWith('At ') ? 0.6 : 0.75));
  const remote = remotePolicyInProse(text);
  if (remote) push(offer('remote', remote, 0.7));
  const type = employmentTypeInProse(text);
  if (type) push(offer('employment_type', type, 0.6));
  const place = text.match(BASED_IN)?.[1];
  if (place && looksLikePlace(place)) push(offer('location', place, 0.6));
  const date = DEADLINE.test(text) || /\bposted\b/i.test(text) ? parseDate(text) : null;
  if (date) push(offer(DEADLINE.test(text) ? 'expires_date' : 'posted_date', date, 0.8));
  const url = applySection || /\bapply\b/i.test(text) ? firstUrl(text) : null;
  if (url) push(offer('application_url', url, 0.8));
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d$€£])/u)) {
    const salary = readSalary(sentence, false);
    if (salary?.salary) push(offer('salary_range', salary.salary, salary.confidence, salary.warnings));
    else reading.warnings.push(...(salary?.warnings ?? []));
  }
}
