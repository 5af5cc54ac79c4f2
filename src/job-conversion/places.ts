import { wordCount } from './lines';

const WORK_POLICY_PARENS = /\([^)]*\b(remote|hybrid|on-?site|office|days?|wfh|home)\b[^)]*\)/gi;
const WORK_POLICY_WORDS = /\b((fully|100%) )?(remote|hybrid|on[- ]?site|onsite|in[- ]office|wfh)\b( (first|friendly|only|ok|possible))?/gi;
const EDGE_PUNCTUATION = /^[\s,;:/|·•–—-]+|[\s,;:/|·•–—-]+$/g;
const COMPANY_SUFFIX = /\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|ag|sa|bv|nv|oy|ab|as|srl|pty|limited|group|labs?|studio|technologies|systems|software)\b\.?$/i;
const PLACE_WORDS = new Set(
  ('us usa united states uk united kingdom europe eu emea apac latam americas north america worldwide global ' +
    'germany france spain italy netherlands ireland portugal poland sweden norway denmark finland switzerland austria ' +
    'belgium canada mexico brazil india japan singapore australia new zealand')
    .split(' '),
);
const MULTI_WORD_PLACES = ['united states', 'united kingdom', 'north america', 'new zealand'];
/** Large cities often written alone ("Engineer - London - Hybrid"); names that are also common words are left out. */
const CITIES = new Set(
  ('london|paris|berlin|munich|hamburg|frankfurt|amsterdam|rotterdam|madrid|barcelona|lisbon|dublin|vienna|zurich|' +
    'geneva|stockholm|oslo|copenhagen|helsinki|warsaw|krakow|prague|budapest|brussels|milan|rome|athens|istanbul|' +
    'edinburgh|manchester|glasgow|new york|new york city|nyc|boston|chicago|seattle|austin|denver|atlanta|miami|dallas|' +
    'houston|san francisco|los angeles|san diego|san jose|portland|philadelphia|washington|toronto|vancouver|montreal|' +
    'sydney|melbourne|tokyo|seoul|shanghai|beijing|hong kong|bangalore|bengaluru|mumbai|delhi|dubai|tel aviv|' +
    'sao paulo|mexico city|buenos aires|cape town|johannesburg|lagos|nairobi')
    .split('|'),
);

/** "Berlin, Germany (Hybrid)" → "Berlin, Germany"; "Remote (EU)" → "EU"; "Remote" → null. */
export function placeWithoutWorkPolicy(value: string): string | null {
  const place = value
    .replace(WORK_POLICY_PARENS, '')
    .replace(WORK_POLICY_WORDS, '')
    .replace(/\(\s*\)/g, '')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/^(or|and|in|from|within|based in)\s+/i, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  const plausible = /^\p{Lu}/u.test(place) && !/\b(days?|hours?|week|month)\b/i.test(place);
  return plausible && place.length >= 2 && place.length <= 200 ? place : null;
}

/** A short "City, Region" or a well-known country/region name. */
export function looksLikePlace(text: string): boolean {
  const value = text.trim().replace(/^\((.*)\)$/, '$1');
  if (!value || wordCount(value) > 6 || COMPANY_SUFFIX.test(value)) return false;
  const lower = value.toLowerCase();
  if (PLACE_WORDS.has(lower) || MULTI_WORD_PLACES.includes(lower) || CITIES.has(lower)) return true;
  return /^\p{Lu}[\p{L}.' -]*(,\s*\p{Lu}[\p{L}.' -]*){1,2}$/u.test(value);
}
