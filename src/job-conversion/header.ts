import { offer, type Offer } from './evidence';
import type { Line } from './lines';
import { readMetaLine } from './meta';
import { companyCore, looksLikeCompanyName, looksLikeJobTitle, looksLikeUnmarkedCompany } from './names';
import { readSplitTitle } from './split-title';
import { titleOffers } from './title';

/**
 * Reads the top of a posting: the title line and short "meta" lines such as
 * "Berlin, Germany · Hybrid · Full-time". A company is taken only where it is marked or placed
 * unmistakably: "<Title> at <Company>", "<Company> is hiring", or a split title line (split-title.ts).
 * Line 2 is never assumed to be the company.
 */
export interface HeaderReading {
  offers: Offer[];
  consumed: Set<number>;
}

const TITLE_AT_COMPANY = /^(.{2,120}?)\s+(?:at|@)\s+(.{2,100})$/;
export const COMPANY_IS_HIRING = /^((?:The\s+)?[\p{Lu}\d][\p{L}\d&.'-]*(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d&.'-]*){0,4})\s+is\s+(?:now\s+)?(?:hiring|looking for|seeking|recruiting)\b[:\s]*(?:an?\s+)?(.*)$/u;
const WE_ARE_HIRING = /^(?:we'?re|we are|now)?\s*hiring[:!\s-]+(?:an?\s+)?(.+)$/i;

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
      // "Acme is hiring" alone names no role: the title may still follow.
      titleFound = title.some((reading) => reading.field === 'title');
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
  if (hiring && looksLikeUnmarkedCompany(hiring[1])) {
    const title = hiring[2].replace(/[!.]+$/, '');
    return [offer('company', hiring[1], 0.8), ...(looksLikeJobTitle(title) ? titleOffers(title, 0.75) : [])];
  }
  const split = readSplitTitle(text, position === 0 ? 0.8 : 0.6);
  if (split) return split;
  const weAreHiring = text.match(WE_ARE_HIRING);
  if (weAreHiring && looksLikeJobTitle(weAreHiring[1].replace(/[!.]+$/, ''))) {
    return titleOffers(weAreHiring[1].replace(/[!.]+$/, ''), 0.8);
  }
  if (looksLikeJobTitle(text)) return titleOffers(text, position === 0 ? 0.8 : 0.6);
  return null;
}
