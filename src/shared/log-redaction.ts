/**
 * Log redaction: nothing personal and no secret reaches a log line, wherever it sits.
 *
 * Two nets, both applied by createLogger (src/shared/logger.ts) to every logged object, the
 * child-logger bindings and the message:
 *
 * - By key, at any depth: a value under a key that names a secret or a personal field
 *   (passwords, tokens, secrets, authorization, cookies, e-mail, phone, person names, addresses,
 *   summaries) becomes `[redacted]`, whatever its type.
 * - By value, inside every string (messages, error messages and stacks included): e-mail
 *   addresses, phone numbers, bearer tokens and JWTs are replaced by `[email]`, `[phone]`,
 *   `Bearer [token]` and `[jwt]`.
 *
 * pino's own `redact` takes fixed paths (`*.email` is one level deep), so it cannot say "any
 * depth"; this walk can. It is bounded: MAX_DEPTH levels (deeper values become `[depth limit]`),
 * MAX_NODES values per line (the rest becomes `[truncated]`), cycles become `[circular]`. Errors
 * are turned into `{ type, message, stack, code?, cause? }` with their texts redacted, which is
 * also what pino's err serializer would print.
 *
 * What it cannot catch: a person's name or free text in a string under an innocent key (a name
 * has no pattern). Code must not log request bodies or documents; this is the safety net.
 * Cost: about a microsecond or two for a typical request-log object (scripts/ can measure it).
 */

export const REDACTED = '[redacted]';
const MAX_DEPTH = 10;
const MAX_NODES = 2000;
const MAX_ARRAY = 200;

/**
 * Key names (lower-cased, with `_`, `-` and spaces removed) whose values are secret or personal.
 * A key is sensitive when it contains one of these.
 */
const SENSITIVE_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'email',
  'phone',
  'mobile',
  'fullname',
  'firstname',
  'lastname',
  'givenname',
  'familyname',
  'surname',
  'address',
  'street',
  'postalcode',
  'summary',
];
/** Exact key names that are sensitive only on their own (`mail`, but not `mailbox_count`). */
const SENSITIVE_KEYS = new Set(['mail', 'jwt', 'credentials', 'privatekey']);

const keyCache = new Map<string, boolean>();
export function isSensitiveKey(key: string): boolean {
  const cached = keyCache.get(key);
  if (cached !== undefined) return cached;
  const normal = key.toLowerCase().replace(/[\s_.-]/g, '');
  const sensitive = SENSITIVE_KEYS.has(normal) || SENSITIVE_KEY_PARTS.some((part) => normal.includes(part));
  if (keyCache.size < 10_000) keyCache.set(key, sensitive);
  return sensitive;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/**
 * A phone number: an optional +country code, an optional (area code), then digit groups joined
 * by spaces, dots or dashes; 7 to 15 digits in all (E.164's most). Not preceded or followed by a
 * word character, so ids, hashes and numbers inside words stay as they are.
 */
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,}(?:[\s.-]?\d{2,}){0,5}(?![\w])/g;
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:$|\s)|^\d{1,2}[.:]\d{2}(?:[.:]\d{2})*$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function phoneOrNot(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return match;
  // A bare run of digits without a leading + is taken for a number (a count, a position, a
  // timestamp), not a phone: a phone written without any separator or + is not caught.
  if (/^\d+$/.test(match)) return match;
  if (DATE_OR_TIME.test(match) || IPV4.test(match)) return match;
  return '[phone]';
}

/** Replaces e-mail addresses, bearer tokens, JWTs and phone numbers inside a text. */
export function redactText(text: string): string {
  // Cheap pre-checks keep the common case (no digit run, no @, no token) at one scan each.
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, '[email]');
  if (/bearer|basic/i.test(out)) out = out.replace(BEARER, '$1 [token]');
  if (out.includes('eyJ')) out = out.replace(JWT, '[jwt]');
  if (/\d{2}/.test(out)) out = out.replace(PHONE, phoneOrNot);
  return out;
}

interface Walk {
  nodes: number;
  seen: WeakSet<object>;
}

function redactError(error: Error, depth: number, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? 'Error',
    message: redactText(String(error.message)),
  };
  if (error.stack) out.stack = redactText(error.stack);
  for (const [key, value] of Object.entries(error)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redactValue(value, depth + 1, walk);
  }
  if (error.cause !== undefined) out.cause = redactValue(error.cause, depth + 1, walk);
  return out;
}

function redactValue(value: unknown, depth: number, walk: Walk): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (++walk.nodes > MAX_NODES) return '[truncated]';
  if (depth >= MAX_DEPTH) return '[depth limit]';
  if (walk.seen.has(value)) return '[circular]';
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[binary ${(value as ArrayBufferView).byteLength} bytes]`;
  walk.seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, depth, walk);
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ARRAY).map((item) => redactValue(item, depth + 1, walk));
      if (value.length > MAX_ARRAY) items.push(`[${value.length - MAX_ARRAY} more]`);
      return items;
    }
    if (value instanceof Map) return redactValue(Object.fromEntries(value), depth, walk);
    if (value instanceof Set) return redactValue([...value], depth, walk);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      out[key] = isSensitiveKey(key) && item != null ? REDACTED : redactValue(item, depth + 1, walk);
    }
    return out;
  } finally {
    walk.seen.delete(value);
  }
}

/**
 * A redacted copy of a log object (the object itself is never changed). Used as pino's
 * `formatters.log` and `formatters.bindings`.
 */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactValue(object, 0, { nodes: 0, seen: new WeakSet() }) as Record<string, unknown>;
}

/** pino's message serializer: the message (also the one pino takes from an error) is text too. */
export function redactMessage(message: unknown): unknown {
  return typeof message === 'string' ? redactText(message) : message;
}
