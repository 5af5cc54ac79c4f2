/**
 * Numbers, percentages, money amounts and dates in a text, found the same way in the profile and
 * in generated content so that the two compare like for like.
 */

export interface Quantity {
  kind: 'number' | 'percentage' | 'amount';
  /** As written, e.g. "$2M", "40%", "12". */
  raw: string;
  value: number;
  /** "8 years", "8+ years": a claim about time served. */
  ofYears: boolean;
}

export interface DateMention {
  raw: string;
  year: string;
  /** `2021-03` when a month is given in ISO form, else null. */
  month: string | null;
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

const DATE = /(?<![\w.])((?:19|20)\d{2})(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?(?![\w%])/g;
const QUANTITY =
  /(?<![\w.\-/])([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(%|percent\b)|\s?(k|m|mm|b|bn|thousand|million|billion)\b)?(\s*\+?\s*years?\b)?/gi;

/** Text with e-mail addresses and URLs blanked: their digits are no claims. */
export function maskContacts(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+|\b\S+@\S+\.\w+/g, (m) => ' '.repeat(m.length));
}

export function datesIn(text: string): DateMention[] {
  return [...text.matchAll(DATE)].map((m) => ({ raw: m[0], year: m[1], month: m[2] ? `${m[1]}-${m[2]}` : null }));
}

export function quantitiesIn(text: string): Quantity[] {
  const withoutDates = text.replace(DATE, (m) => ' '.repeat(m.length));
  return [...withoutDates.matchAll(QUANTITY)].map((m) => {
    const [raw, currency, digits, percent, multiplier, years] = m;
    const base = Number(digits.replace(/,/g, ''));
    const value = multiplier ? base * MULTIPLIERS[multiplier.toLowerCase()] : base;
    const kind = percent ? 'percentage' : currency ? 'amount' : 'number';
    return { kind, raw: raw.replace(/\s*\+?\s*years?$/i, '').trim(), value, ofYears: !!years };
  });
}
