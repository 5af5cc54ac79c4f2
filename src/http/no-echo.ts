import { redactText } from '../shared/log-redaction';

/**
 * Problem details never echo what a client submitted: a field problem names the field and the
 * rule, not the value. zod's own messages name types and limits, not values, but a message of a
 * refinement or a future zod version could; and an unknown field's *name* is submitted text too
 * (`{"ada@example.com": 1}`). So, on the error path only:
 *
 * - a path segment that is not a plain identifier or an index becomes `[field]`;
 * - a message loses every string the request submitted (3+ characters) and every e-mail, phone
 *   or token pattern.
 */
const PLAIN_SEGMENT = /^(?:[A-Za-z_$][A-Za-z0-9_$-]{0,63}|\d{1,9})$/;

export function safePathSegment(segment: PropertyKey): string {
  const text = String(segment);
  return PLAIN_SEGMENT.test(text) ? text : '[field]';
}

/** Every string leaf (and key) of a submitted value, longest first, bounded. */
export function submittedStrings(value: unknown, limit = 500): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (found.size >= limit || depth > 20) return;
    if (typeof node === 'string') {
      if (node.length >= 3) found.add(node);
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (key.length >= 3) found.add(key);
        walk(item, depth + 1);
      }
    }
  };
  walk(value, 0);
  return [...found].sort((a, b) => b.length - a.length);
}

export function scrubMessage(message: string, submitted: readonly string[]): string {
  let out = message;
  for (const value of submitted) if (out.includes(value)) out = out.split(value).join('[value]');
  return redactText(out);
}
