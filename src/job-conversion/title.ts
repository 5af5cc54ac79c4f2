import { offer, type Offer } from './evidence';
import { completeMeta, readMetaLine } from './meta';
import { looksLikeJobTitle } from './names';
import { employmentTypeIn, experienceLevelIn } from './work-terms';

const GENDER_MARKER = /\s*\((?:[mfwdxi]\s*\/\s*){1,3}[mfwdxi]\)|\s*\((?:all genders|h\/f|f\/h)\)/gi;
/** A trailing "(Contract)" or " - Remote" / " / Boston, MA" that may be meta rather than title. */
const META_TAIL = /\s*(?:\(([^()]+)\)|\s[|·•–—/-]\s+([^|·•–—]+))$/;

/** The title minus trailing meta parts ("- Remote", "(Contract)"), which become offers themselves. */
export function titleOffers(text: string, confidence: number): Offer[] {
  // "Senior Engineer | Acme": keep the part that names the role; an unmarked name is not a company.
  const parts = text.replace(GENDER_MARKER, '').split(/\s+[|·•]\s+/);
  let title = (parts.find(looksLikeJobTitle) ?? parts[0]).trim();
  const offers: Offer[] = parts.flatMap((part) => (part.trim() === title ? [] : completeMeta(part)));
  for (;;) {
    const tail = title.match(META_TAIL);
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
