import type { ConvertedJob } from '../../contracts/jobs/job';
import { HttpUrl } from '../../contracts/shared/primitives';
import { parseDate } from './dates';
import { offer, type Offer } from './evidence';
import { headingCore, type Line, wordCount } from './lines';
import { companyCore, looksLikeCompanyName, looksLikeJobTitle } from './names';
import { looksLikePlace, placeWithoutWorkPolicy } from './places';
import { readSalary } from './salary';
import { employmentTypeIn, experienceLevelFromYears, experienceLevelIn, remotePolicyIn } from './work-terms';

/** "Key: value" lines that state one field outright, e.g. "Location: Berlin, Germany". */
type LabelField = Exclude<Offer['field'], 'salary_range'> | 'salary';

const KEYS: Record<LabelField, string[]> = {
  title: ['job title', 'title', 'position', 'position title', 'role', 'role title', 'job', 'vacancy', 'opening'],
  company: ['company', 'company name', 'employer', 'organization', 'organisation', 'hiring company', 'hiring organization', 'client'],
  location: ['location', 'locations', 'job location', 'based in', 'office', 'office location', 'where', 'city', 'work location', 'primary location'],
  remote: ['remote', 'remote work', 'workplace', 'workplace type', 'work model', 'work arrangement', 'work mode', 'remote policy', 'working model', 'work setup', 'working arrangement', 'remote option', 'work style'],
  employment_type: ['employment type', 'employment', 'job type', 'type', 'contract type', 'contract', 'schedule', 'position type', 'work type', 'engagement', 'commitment', 'role type', 'hours'],
  experience_level: ['experience level', 'seniority', 'seniority level', 'level', 'career level', 'job level'],
  salary: ['salary', 'salary range', 'compensation', 'comp', 'pay', 'pay range', 'pay rate', 'rate', 'hourly rate', 'base salary', 'base pay', 'wage', 'remuneration', 'ote', 'total compensation', 'package', 'salary band', 'compensation range', 'budget'],
  industry: ['industry', 'sector', 'industries'],
  posted_date: ['posted', 'date posted', 'posted on', 'published', 'published on', 'posting date'],
  expires_date: ['closing date', 'closes', 'apply by', 'deadline', 'application deadline', 'expires', 'expiry date', 'expiration date', 'valid through', 'applications close', 'closing'],
  external_job_id: ['job id', 'job no', 'job number', 'req id', 'req', 'requisition', 'requisition id', 'requisition number', 'reference', 'ref', 'reference number', 'ref no', 'job reference', 'job ref', 'posting id', 'vacancy id', 'job code'],
  application_url: ['apply', 'apply at', 'apply here', 'apply online', 'application', 'application link', 'application url', 'apply link', 'link', 'url'],
};
const FIELD_BY_KEY = new Map(Object.entries(KEYS).flatMap(([field, keys]) => keys.map((key) => [key, field as LabelField])));

export function labelFieldOf(key: string): LabelField | null {
  return FIELD_BY_KEY.get(headingCore(key).replace(/[#*]/g, '').trim()) ?? null;
}

export interface LabelReading {
  offers: Offer[];
  warnings: string[];
}

/** Every label in the posting: "Key: value" lines, and a key alone on its line above its value. */
export function readLabels(lines: Line[]): LabelReading & { consumed: Set<number> } {
  const offers: Offer[] = [];
  const warnings: string[] = [];
  const consumed = new Set<number>();
  lines.forEach((line, i) => {
    if (consumed.has(line.index)) return;
    const field = line.bullet ? null : labelFieldOf(line.text);
    const next = lines[i + 1];
    // A lone "Remote" is a value, not a key; a lone "Role" heads a title only if one follows.
    const pairable = field && field !== 'remote' && next && !next.bullet && (field !== 'title' || looksLikeJobTitle(next.text));
    const pair = pairable ? readLabelValue(field, next.text) : null;
    const reading = pair ?? readLabelLine(line.text);
    if (!reading) return;
    offers.push(...reading.offers);
    warnings.push(...reading.warnings);
    consumed.add(line.index);
    if (pair) consumed.add(next.index);
  });
  return { offers, warnings, consumed };
}

/** Reads a "Key: value" line; null when the key is not a field label or the value does not fit it. */
export function readLabelLine(text: string): LabelReading | null {
  const match = text.match(/^([^:：]{1,40}?)\s*[:：]\s*(\S.*)$/);
  const field = match ? labelFieldOf(match[1]) : null;
  return match && field ? readLabelValue(field, match[2].trim()) : null;
}

export function readLabelValue(field: LabelField, value: string): LabelReading | null {
  const reading = read(field, value);
  return reading.offers.length || reading.warnings.length ? reading : null;
}

function read(field: LabelField, value: string): LabelReading {
  const none: LabelReading = { offers: [], warnings: [] };
  const only = (...offers: (Offer | null)[]): LabelReading => ({ offers: offers.filter((o): o is Offer => o !== null), warnings: [] });
  switch (field) {
    case 'title':
      if (value.length > 200 || wordCount(value) > 12 || !/^[\p{Lu}\d]/u.test(value) || /[.!?]$/.test(value)) return none;
      return only(offer('title', value, 0.95), titleHint('experience_level', experienceLevelIn(value)), titleHint('employment_type', employmentTypeIn(value)));
    case 'company': {
      const name = companyCore(value);
      return looksLikeCompanyName(name) ? only(offer('company', name, 0.95)) : none;
    }
    case 'location': {
      const remote = remotePolicyIn(value);
      const place = placeWithoutWorkPolicy(value);
      const placeShaped = place && wordCount(place) <= 10 && !/[.!?]$/.test(place);
      return only(remote ? offer('remote', remote, 0.9) : null, placeShaped ? offer('location', place, 0.95) : null);
    }
    case 'remote': {
      const remote = remotePolicyIn(value);
      const place = remote ? placeWithoutWorkPolicy(value) : null;
      return only(remote ? offer('remote', remote, 0.95) : null, place && looksLikePlace(place) ? offer('location', place, 0.6) : null);
    }
    case 'employment_type': {
      const type = employmentTypeIn(value);
      return only(type ? offer('employment_type', type, 0.95) : null);
    }
    case 'experience_level': {
      const level = experienceLevelIn(value) ?? experienceLevelFromYears(`${value} experience`);
      return only(level ? offer('experience_level', level, 0.95) : null);
    }
    case 'salary': {
      const salary = readSalary(value, true);
      if (!salary) return none;
      return salary.salary
        ? only(offer('salary_range', salary.salary, salary.confidence, salary.warnings))
        : { offers: [], warnings: salary.warnings };
    }
    case 'industry':
      return value.length <= 100 ? only(offer('industry', value, 0.95)) : none;
    case 'posted_date':
    case 'expires_date': {
      const date = parseDate(value);
      return only(date ? offer(field, date, 0.95) : null);
    }
    case 'external_job_id':
      return value.length <= 200 && wordCount(value) <= 3 && /\d/.test(value) ? only(offer('external_job_id', value, 0.95)) : none;
    case 'application_url': {
      const url = firstUrl(value);
      return only(url ? offer('application_url', url, 0.95) : null);
    }
  }
}

/** What a title implies ("Senior …", "… Intern") is weaker than what a label states. */
function titleHint<K extends 'experience_level' | 'employment_type'>(field: K, value: NonNullable<ConvertedJob[K]> | null): Offer | null {
  return value ? offer(field, value, field === 'experience_level' ? 0.8 : 0.7) : null;
}

export function firstUrl(text: string): string | null {
  const url = text.match(/https?:\/\/[^\s<>"')\]]+/)?.[0]?.replace(/[.,;:!?]+$/, '');
  return url && HttpUrl.safeParse(url).success ? url : null;
}
