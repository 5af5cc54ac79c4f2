import { offer, type Offer } from './evidence';
import { wordCount } from './lines';
import { looksLikePlace, placeWithoutWorkPolicy } from './places';
import { readSalary } from './salary';
import { employmentTypeIn, experienceLevelIn, remotePolicyIn } from './work-terms';

/** "·", "|", "•", or a dash that does not sit inside a pay range ("$120k - $150k"). */
export const META_SEPARATOR = /\s*[|·•]\s*|\s+[–—-]\s+(?!(?:[A-Z]{3}\s?)?[$€£¥₹\d])/;

export interface MetaReading {
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

/** The offers of a line that is meta through and through; none otherwise. */
export const completeMeta = (text: string): Offer[] => {
  const meta = readMetaLine(text);
  return meta?.complete ? meta.offers : [];
};

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
