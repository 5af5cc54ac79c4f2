import { offer, type Offer } from './evidence';
import { completeMeta, META_SEPARATOR, readMetaLine } from './meta';
import { companyCore, looksLikeJobTitle, looksLikeUnmarkedCompany } from './names';
import { titleOffers } from './title';

/**
 * A title line cut into parts by " / ", "|", "·" or a spaced dash, with the company as one part:
 * "Senior Engineer / Acme Health — Boston, MA (Hybrid)" or "Acme Health — Senior Engineer".
 * Only its position marks the name as the company, so it is offered below "<Title> at <Company>"
 * and a "Company:" label, and only where the shape leaves little doubt:
 * - title first: a place must follow the name (in "Engineer | London | Hybrid" or "Nurse / ICU"
 *   the middle part is as likely a place or a unit as an employer);
 * - company first: a role must follow it, and not after a "/" ("UX / UI Designer").
 */
export const TITLE_FIRST_COMPANY = 0.7;
export const COMPANY_FIRST_COMPANY = 0.6;

const SEPARATOR = new RegExp(`(\\s+/\\s+|${META_SEPARATOR.source})`);

export function readSplitTitle(text: string, titleConfidence: number): Offer[] | null {
  const pieces = text.split(SEPARATOR);
  const parts = pieces.filter((_, i) => i % 2 === 0).map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => !part)) return null;
  /** The original text of parts [from, to), separators included. */
  const span = (from: number, to: number) => pieces.slice(from * 2, to * 2 - 1).join('').trim();

  for (let k = 1; k + 1 < parts.length; k++) {
    const title = span(0, k);
    const rest = readMetaLine(span(k + 1, parts.length));
    const company = positionalCompany(parts[k]);
    if (!looksLikeJobTitle(title) || !rest?.complete || !rest.offers.some((o) => o.field === 'location') || !company) continue;
    return [...titleOffers(title, titleConfidence), offer('company', company.name, TITLE_FIRST_COMPANY), ...company.meta, ...rest.offers];
  }

  const company = positionalCompany(parts[0]);
  if (company && !pieces[1].includes('/') && looksLikeJobTitle(parts[1])) {
    return [offer('company', company.name, COMPANY_FIRST_COMPANY), ...company.meta, ...titleOffers(span(1, parts.length), titleConfidence)];
  }
  return null;
}

/** "Acme Health (Remote)" → Acme Health, plus the meta; null unless the part is a plausible employer. */
function positionalCompany(part: string): { name: string; meta: Offer[] } | null {
  const name = companyCore(part);
  const leftover = part.slice(name.length).replace(/^[\s,]+/, '');
  const meta = leftover ? completeMeta(leftover) : [];
  // A bare acronym in a title line is more often a unit or a specialism ("Nurse - ICU", "Engineer - QA").
  const acronym = /^[\p{Lu}\d&]{1,4}$/u.test(name);
  return looksLikeUnmarkedCompany(name) && !acronym && (!leftover || meta.length) ? { name, meta } : null;
}
