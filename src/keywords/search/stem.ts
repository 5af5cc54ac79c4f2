/**
 * A light English stemmer for folded, letters-only words. It only has to be consistent:
 * documents and queries go through the same function, so `managing`, `manager`, `managed` and
 * `management` all become `manag`, and `engineers`, `engineer` and `engineering` become `engin`.
 * Stems are never shown to anyone.
 *
 * 1. British spellings become American ones (`optimise` = `optimize`, `labour` = `labor`,
 *    `centre` = `center`, `catalogue` = `catalog`, `licence` = `license`, `programme` = `program`);
 * 2. a plural ending goes (`technologies` -> `technology`, `processes` -> `process`);
 * 3. up to two of `-ing`, `-ed`, `-er`, `-ment` go while three letters and a vowel remain
 *    (`engineering` -> `engineer` -> `engine`; `string` and `spring` stay);
 * 4. a final double consonant is undoubled (`planning` -> `plann` -> `plan`, `modelling` -> `model`);
 * 5. a final `e` goes (`nurse` = `nursing` = `nurs`, `code` = `coding` = `cod`).
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = americanSpelling(word);
  w = singular(w);
  for (let pass = 0; pass < 2; pass++) {
    const shorter = stripSuffix(w);
    if (shorter === w) break;
    w = shorter;
  }
  w = w.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const BRITISH: Array<[RegExp, string]> = [
  [/(?<=\p{L}{3})is(e|es|ed|ing|ation|ations|er|ers)$/u, 'iz$1'],
  [/(?<=\p{L}{2})ys(e|es|ed|ing)$/u, 'yz$1'],
  [/(?<=\p{L}{3})our(s?)$/u, 'or$1'],
  [/(?<=\p{L}{3})([tb])re(s?)$/u, '$1er$2'],
  [/(?<=\p{L}{3})ogue(s?)$/u, 'og$1'],
  [/^(licen|defen|offen)ce(s?)$/u, '$1se$2'],
  [/(?<=ogra)mme(s?)$/u, 'm$1'],
];

function americanSpelling(word: string): string {
  return BRITISH.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

/** `technologies` -> `technology`, `processes` -> `process`, `jobs` -> `job`; `status` stays. */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su']s$/.test(word) && !/is$/.test(word)) return word.slice(0, -1);
  return word;
}

function stripSuffix(word: string): string {
  if (/ied$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  const match = /^(.{3,}?)(ing|ed|er|ment)$/.exec(word);
  if (!match) return word;
  const [, rest, suffix] = match;
  if (suffix === 'ed' && rest.endsWith('e')) return word; // `need`, `speed`, `agreed`
  if (!/[aeiouy]/.test(rest)) return word; // `string`, `spring`
  return rest;
}
