import { z } from 'zod';

/** Building blocks shared by every contract. Wire format is snake_case JSON. */

export const Uuid = z.uuid();

export const IsoTimestamp = z.iso.datetime({ offset: true });
/**
 * A timestamp a client sends: RFC 3339 (JSON Schema's `date-time`), which requires the seconds
 * that IsoTimestamp lets go ("2026-11-30T10:00Z").
 */
export const RequestTimestamp = IsoTimestamp.regex(/T\d{2}:\d{2}:\d{2}/, 'must be an RFC 3339 date-time with seconds, e.g. 2026-11-30T10:00:00Z');

/** How JSON Schema counts a string's length (code points): an emoji is 1, where `String#length` says 2. */
export function charCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Checks that a string has at most `max` (and at least `min`) characters as sent, counted the way
 * JSON Schema's `maxLength` / `minLength` count them (zod's `.max()` counts UTF-16 units). The
 * schema that ends the chain states them with `lengthMeta` (zod drops metadata when a chain goes on).
 */
function checkLength(max: number, min = 0) {
  const capped = z.string().refine((value) => charCount(value) <= max, `must be at most ${max} characters`);
  return min > 0 ? capped.refine((value) => charCount(value) >= min, `must be at least ${min} characters`) : capped;
}
const lengthMeta = (max: number, min = 0) => (min > 0 ? { minLength: min, maxLength: max } : { maxLength: max });

/** A string of `min`..`max` characters as sent (see checkLength); `meta` adds to what the JSON Schema states. */
export const chars = (max: number, min = 0, meta: Record<string, unknown> = {}) => checkLength(max, min).meta({ ...lengthMeta(max, min), ...meta });

/** A calendar date (leap years included), `2024-02-29`, as one pattern JSON Schema can state too. */
const CALENDAR_DAY = z.regexes.date.source.replace(/^\^|\$$/g, '').replace(/\\d/g, '[0-9]');

/** A calendar date with or without the day: `2024-03` or `2024-03-15`; the day must exist. */
export const PartialDate = z
  .string()
  .regex(new RegExp(`^(?:[0-9]{4}-(?:0[1-9]|1[0-2])|${CALENDAR_DAY})$`), 'must be a real calendar date as YYYY-MM or YYYY-MM-DD');

/** Compares partial dates; `2024-03` counts as the first day of March. */
export function comparePartialDates(a: string, b: string): number {
  const pad = (v: string) => (v.length === 7 ? `${v}-01` : v);
  return pad(a).localeCompare(pad(b));
}

/**
 * An e-mail address: a dot-atom local part and a domain of DNS labels without a hyphen at either
 * end (the pattern), a local part of at most 64 characters and labels of at most 63 without `--`
 * in 3rd-4th position, which IDNA reserves (the check after it). The OpenAPI document states the
 * pattern, and `format: email` states the limits. zod's default pattern admitted labels that end
 * in a hyphen or exceed 63 characters, which are no e-mail addresses. Punycode domains (`xn--…`)
 * are not accepted: a check cannot tell a valid encoding from an invalid one the way IDNA does.
 * (The limits are no lookahead in the pattern because generators draw from lookaheads slowly.)
 */
const EMAIL = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
const EMAIL_MESSAGE = 'must be an e-mail address (at most 64 characters before the @, domain labels of at most 63)';

function withinEmailLimits(value: string): boolean {
  const at = value.lastIndexOf('@');
  const domain = value.slice(at + 1);
  return at <= 64 && domain.length <= 253 && domain.split('.').every((label) => label.length <= 63 && label.slice(2, 4) !== '--');
}

export const Email = z
  .email({ pattern: EMAIL, error: EMAIL_MESSAGE })
  .max(254)
  .refine(withinEmailLimits, { message: EMAIL_MESSAGE, when: (payload) => payload.issues.length === 0 });

/**
 * An http(s) URL with a domain name. The pattern, which the OpenAPI document states, is the rule:
 * no spaces or control characters, lower-case scheme, no user info, a port up to 65535. The URL
 * parser behind it never rejects what the pattern admits (it only guards that claim).
 */
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,}';
const PORT = '(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?';
const HTTP_URL = new RegExp(`^https?://${DOMAIN}${PORT}(?:[/?#][^\\x00-\\x20\\x7f]*)?$`);
const URL_MESSAGE = 'must be an http or https URL with a domain name, such as https://example.com/page';

function parsesAsHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && z.regexes.domain.test(url.hostname);
  } catch {
    return false;
  }
}

export const HttpUrl = checkLength(2048)
  .regex(HTTP_URL, URL_MESSAGE)
  .refine(parsesAsHttpUrl, { message: URL_MESSAGE, when: (payload) => payload.issues.length === 0 })
  .meta(lengthMeta(2048));

/**
 * E-mails and URLs as events record them: whatever the API accepts now (the patterns above) or
 * accepted before them, so that neither tightening nor loosening what the API accepts ever makes
 * a stored event unreadable. (zod's own e-mail pattern refuses a local part ending in an
 * apostrophe, which EMAIL admits: "o'@example.com" was stored and could not be read back.)
 */
export const RecordedEmail = z
  .string()
  .max(254)
  .refine((value) => EMAIL.test(value) || z.regexes.email.test(value), { message: EMAIL_MESSAGE, abort: true })
  .meta({ format: 'email' });
export const RecordedHttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2048);

/**
 * What String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator), spelled out so
 * that every regex engine reading the OpenAPI document agrees on it.
 */
const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Has a character that trimming keeps: not empty once trimmed. */
export const NOT_BLANK = new RegExp(`[^${TRIMMED}]`);

/**
 * Text written by a user: at most `max` characters as sent, stored trimmed. (The limit applies
 * to what is sent so that a JSON Schema `maxLength` states it exactly.)
 */
export const text = (max: number) => checkLength(max).trim().meta(lengthMeta(max));
export const requiredText = (max: number) => checkLength(max).trim().regex(NOT_BLANK, 'must not be empty').meta(lengthMeta(max));
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
