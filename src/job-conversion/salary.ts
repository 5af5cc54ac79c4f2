import type { SalaryPeriod, SalaryRange } from '../../contracts/jobs/job';

/**
 * Reads pay from one line: "$120,000 - $150,000 per year", "€60k–75k", "USD 45/hour".
 * Never guesses a currency or a missing bound: such lines yield `salary: null` plus a warning.
 */
export interface SalaryReading {
  salary: SalaryRange | null;
  confidence: number;
  warnings: string[];
}

const SYMBOLS: Record<string, string> = {
  US$: 'USD', CA$: 'CAD', C$: 'CAD', AU$: 'AUD', A$: 'AUD', NZ$: 'NZD', S$: 'SGD', HK$: 'HKD', R$: 'BRL',
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', zł: 'PLN',
};
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|JPY|CNY|INR|SGD|HKD|MXN|BRL|ZAR|AED|ILS|KRW';
const CURRENCY = `US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|S\\$|HK\\$|R\\$|[$€£¥₹]|zł|\\b(?:${CODES})\\b`;
const NUMBER = `\\d{1,3}(?:[,.' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?`;
const MULTIPLIER = `[kK]|[mM](?:illion)?|thousand`;
const MONEY = new RegExp(`(${CURRENCY})?\\s?(${NUMBER})\\s?(${MULTIPLIER})?(?![\\w])(?:\\s?(${CURRENCY}))?`, 'g');
const RANGE_JOINER = /^\s*(?:\/\s*(?:yr|year|hr|hour|h|mo|month|y)\s*)?(-|–|—|to|and|bis|à)\s*$/i;
const BOUND_BEFORE = /(up to|upto|max(imum)?|no more than|from|(starts?|starting|beginning) (at|from)|min(imum)?|at least|over|above|in excess of)\s*:?\s*$/i;

const PERIODS: [SalaryPeriod | 'day' | 'week', RegExp][] = [
  ['hour', /(\bper|\ban?|\/)\s*(hour|hr|h)\b|\bhourly\b|\bp\/h\b/i],
  ['month', /(\bper|\ba|\/)\s*(month|mo|mth)\b|\bmonthly\b/i],
  ['year', /(\bper|\ban?|\/)\s*(year|yr|annum|y)\b|\bannual(ly)?\b|\byearly\b|\bp\.\s?a\.?|\bpa\b|\bper annum\b/i],
  ['day', /(\bper|\ba|\/)\s*(day|diem)\b|\b(daily|day) rate\b/i],
  ['week', /(\bper|\ba|\/)\s*(week|wk)\b|\bweekly\b/i],
];
const PAY_WORDS = /\b(salary|pay|paid|compensation|base|wage|rate|ote|earn(ing)?s?|remuneration|package|gross|stipend for (this|the) (role|internship))\b/i;
const NOT_PAY = /\b(budget|stipend|allowance|reimburse\w*|bonus of|401|match|per diem|funding|raised|revenue|arr|valuation|customers|spend|discount|credit|worth)\b/i;

interface Money {
  start: number;
  end: number;
  currency: string | null;
  figure: number;
  multiplier: number;
}

export function readSalary(text: string, labelled: boolean): SalaryReading | null {
  const amounts = findMoney(text);
  const period = periodIn(text);
  const rangeAfter = (i: number) =>
    i + 1 < amounts.length && RANGE_JOINER.test(text.slice(amounts[i].end, amounts[i + 1].start));
  const first = amounts.findIndex((m, i) => m.currency !== null || (rangeAfter(i) && amounts[i + 1].currency !== null));
  if (first < 0) {
    const looksLikePay = period !== null || amounts.some((m, i) => rangeAfter(i) || m.multiplier > 1);
    const quote = excerpt(text, amounts[0]?.start ?? 0);
    return labelled && looksLikePay ? unusable(`Pay "${quote}" has no currency; salary_range left empty`) : null;
  }
  const low = amounts[first];
  const high = rangeAfter(first) ? amounts[first + 1] : null;
  if (!labelled && !acceptedAsPay(text, high !== null, period !== null)) return null;

  const currency = (low.currency ?? high?.currency) as string;
  const quote = excerpt(text, low.start);
  if (!high && (BOUND_BEFORE.test(text.slice(0, low.start)) || /^\s*\+/.test(text.slice(low.end)))) {
    return unusable(`Pay "${quote}" states only a lower or upper bound; salary_range left empty`);
  }
  if (period === 'day' || period === 'week') {
    return unusable(`Pay "${quote}" is per ${period}; salary_range supports only year, month or hour`);
  }
  let [min, max] = high ? sharedMultiplier(low, high) : [amount(low), amount(low)];
  const warnings: string[] = [];
  if (min > max) {
    [min, max] = [max, min];
    warnings.push('Pay range was written high-to-low; swapped');
  }
  if (max <= 0 || max > 1_000_000_000) return null;
  const resolved = period ?? assumedPeriod(max);
  if (!period) warnings.push(`Pay period not stated; assumed per ${resolved}`);
  const confidence = !period ? 0.6 : labelled ? 0.95 : 0.85;
  return { salary: { min, max, currency, period: resolved }, confidence: high ? confidence : confidence - 0.1, warnings };
}

function findMoney(text: string): Money[] {
  return [...text.matchAll(MONEY)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    currency: currencyOf(m[1] ?? m[4]),
    figure: toNumber(m[2]),
    multiplier: multiplierOf(m[3]),
  }));
}

function currencyOf(token: string | undefined): string | null {
  if (!token) return null;
  return SYMBOLS[token] ?? (/^[A-Z]{3}$/.test(token) ? token : null);
}

function multiplierOf(token: string | undefined): number {
  if (!token) return 1;
  if (/^k|thousand/i.test(token)) return 1_000;
  return 1_000_000;
}

/** "120,000" and "60.000" are thousands; "45.50" and "12,5" are decimals. */
function toNumber(text: string): number {
  const grouped = text.match(/^(\d{1,3}(?:[,.' ]\d{3})+)(?:[.,](\d{1,2}))?$/);
  if (grouped) return Number(grouped[1].replace(/[,.' ]/g, '')) + (grouped[2] ? Number(`0.${grouped[2]}`) : 0);
  return Number(text.replace(',', '.'));
}

const amount = (m: Money): number => Math.round(m.figure * m.multiplier * 100) / 100;

/** "60-75k" means 60k-75k. */
function sharedMultiplier(low: Money, high: Money): [number, number] {
  if (low.multiplier === 1 && high.multiplier > 1 && low.figure < 1000) return [amount({ ...low, multiplier: high.multiplier }), amount(high)];
  if (high.multiplier === 1 && low.multiplier > 1 && high.figure < 1000) return [amount(low), amount({ ...high, multiplier: low.multiplier })];
  return [amount(low), amount(high)];
}

function periodIn(text: string): SalaryPeriod | 'day' | 'week' | null {
  return PERIODS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

function assumedPeriod(max: number): SalaryPeriod {
  if (max >= 15_000) return 'year';
  if (max >= 1_000) return 'month';
  return 'hour';
}

function acceptedAsPay(text: string, isRange: boolean, hasPeriod: boolean): boolean {
  const payWords = PAY_WORDS.test(text);
  if (NOT_PAY.test(text) && !payWords) return false;
  return isRange || hasPeriod || payWords;
}

/** The sentence around a figure, for quoting in a warning. */
function excerpt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at) + 1, 0);
  const stop = text.indexOf('. ', at);
  const sentence = text.slice(start, stop < 0 ? undefined : stop + 1).trim();
  return sentence.length > 100 ? `${sentence.slice(0, 99)}…` : sentence;
}

const unusable = (warning: string): SalaryReading => ({ salary: null, confidence: 0, warnings: [warning] });
