import { offer, type Offer } from './evidence';
import { type Line, wordCount } from './lines';
import { companyCore, looksLikeCompanyName, looksLikeJobTitle } from './names';
import { looksLikePlace, placeWithoutWorkPolicy } from './places';
import { readSalary } from './salary';
import { employmentTypeIn, experienceLevelIn, remotePolicyIn } from './work-terms';

/**
 * Reads the top of a posting: the title line and short "meta" lines such as
 * "Berlin, Germany · Hybrid · Full-time". A company is taken only where it is clearly marked:
 * "<Title> at <Company>" or "<Company> is hiring". Line 2 is never assumed to be the company.
 */
export interface HeaderReading {
  offers: Offer[];
  consumed: Set<number>;
}

const TITLE_AT_COMPANY = /^(.{2,120}?)\s+(?:at|@)\s+(.{2,100})$/;
export const COMPANY_IS_HIRING = /^((?:The\s+)?[\p{Lu}\d][\p{L}\d&.'-]*(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d&.'-]*){0,4})\s+is\s+(?:now\s+)?(?:hiring|looking for|seeking|recruiting)\b[:\s]*(?:an?\s+)?(.*)$/u;
const WE_ARE_HIRING = /^(?:we'?re|we are|now)?\s*hiring[:!\s-]+(?:an?\s+)?(.+)$/i;
/** "·", "|", "•", or a dash that does not sit inside a pay range ("$120k - $150k"). */
const META_SEPARATOR = /\s*[|·•]\s*|\s+[–—-]\s+(?!(?:[A-Z]{3}\s?)?[$€£¥₹\d])/;
const GENDER_MARKER = /\s*\((?:[mfwdxi]\s*\/\s*){1,3}[mfwdxi]\)|\s*\((?:all genders|h\/f|f\/h)\)/gi;

export function readHeader(lines: Line[]): HeaderReading {
  const offers: Offer[] = [];
  const consumed = new Set<number>();
  let titleFound = false;
  lines.slice(0, 8).forEach((line, position) => {
    if (line.bullet) return;
    const title = titleFound || position > 2 ? null : readTitleLine(line.text, position);
    if (title) {
      offers.push(...title);
      consumed.add(line.index);
      titleFound = true;
      return;
    }
    const meta = readMetaLine(line.text);
    if (meta) offers.push(...meta.offers);
    if (meta?.complete) consumed.add(line.index);
  });
  return { offers, consumed };
}

function readTitleLine(text: string, position: number): Offer[] | null {
  const atCompany = position === 0 ? text.match(TITLE_AT_COMPANY) : null;
  if (atCompany && looksLikeJobTitle(atCompany[1])) {
    const company = companyCore(atCompany[2]);
    const rest = atCompany[2].slice(company.length);
    return [
      ...titleOffers(atCompany[1], 0.85),
      ...(looksLikeCompanyName(company) ? [offer('company', company, 0.85)] : []),
      ...(readMetaLine(rest)?.offers ?? []),
    ];
  }
  const hiring = text.match(COMPANY_IS_HIRING);
  if (hiring && looksLikeCompanyName(hiring[1])) {
    const title = hiring[2].replace(/[!.]+$/, '');
    return [offer('company', hiring[1], 0.8), ...(looksLikeJobTitle(title) ? titleOffers(title, 0.75) : [])];
  }
  const weAreHiring = text.match(WE_ARE_HIRING);
  if (weAreHiring && looksLikeJobTitle(weAreHiring[1].replace(/[!.]+$/, ''))) {
    return titleOffers(weAreHiring[1].replace(/[!.]+$/, ''), 0.8);
  }
  if (looksLikeJobTitle(text)) return titleOffers(text, position === 0 ? 0.8 : 0.6);
  return null;
}

/** The title minus trailing meta parts ("- Remote", "(Contract)"), which become offers themselves. */
function titleOffers(text: string, confidence: number): Offer[] {
  // "Senior Engineer | Acme": keep the part that names the role; an unmarked name is not a company.
  const parts = text.replace(GENDER_MARKER, '').split(/\s+[|·•]\s+/);
  let title = (parts.find(looksLikeJobTitle) ?? parts[0]).trim();
  const offers: Offer[] = parts.flatMap((part) => (part.trim() === title ? [] : completeMeta(part)));
  for (;;) {
    const tail = title.match(/\s*(?:\(([^()]+)\)|\s[|·•–—-]\s+([^|·•–—]+))$/);
    const meta = tail ? readMetaLine(tail[1] ?? tail[2]) : null;
    if (!tail || !meta?.complete) break;
    offers.push(...meta.offers);
    title = title.slice(0, tail.index).trim();
  }
  const level = experienceLevelIn(title);
  const type = employmentTypeIn(title);
  return [
    offer('title', title, confidence),
    ...offers,
    ...(level ? [offer('experience_level', level, 0.8)] : []),
    ...(type ? [offer('employment_type', type, 0.7)] : []),
  ];
}

const completeMeta = (text: string): Offer[] => {
  const meta = readMetaLine(text);
  return meta?.complete ? meta.offers : [];
};

interface MetaReading {
  offers: Offer[];
  /** Every part of the line was understood. */
  complete: boolean;
}

/** "Berlin, Germany · Hybrid · Full-time" → location, remote, employment type. */
export function readMetaLine(text: string): MetaReading | null {
  const parts = text.split(META_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0 || text.length > 150 || parts.some((part) => wordCount(part) > 8)) return null;
  const readings = parts.map(readMetaPart);
  const offers = readings.flatMap((reading) => reading ?? []);
  const understood = readings.filter((reading) => reading !== null).length;
  if (understood === 0 || understood * 2 < parts.length) return null;
  return { offers, complete: understood === parts.length };
}

function readMetaPart(part: string): Offer[] | null {
  const remote = remotePolicyIn(part);
  if (remote && part.split(/\s+/).length <= 8) {
    const place = placeWithoutWorkPolicy(part);
    return [offer('remote', remote, 0.9), ...(place && looksLikePlace(place) ? [offer('location', place, 0.6)] : [])];
  }
  const type = part.split(/\s+/).length <= 4 ? employmentTypeIn(part) : null;
  if (type) return [offer('employment_type', type, 0.9)];
  if (/\blevel\b/i.test(part) && part.split(/\s+/).length <= 3) {
    const level = experienceLevelIn(part.replace(/\blevel\b/i, '').trim()) ?? experienceLevelIn(part);
    if (level) return [offer('experience_level', level, 0.75)];
  }
  const salary = readSalary(part, false);
  if (salary?.salary) return [offer('salary_range', salary.salary, salary.confidence, salary.warnings)];
  if (looksLikePlace(part)) return [offer('location', part.replace(/^\((.*)\)$/, '$1'), 0.7)];
  return null;
}
