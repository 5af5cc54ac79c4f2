/**
 * A folded state as plain JSON for admins: Maps become objects, Sets arrays, and secrets (password
 * hashes, token hashes) are shown as `[secret]`, never their value. Pure.
 */
const SECRET = /(password_hash|token_hash|secret)$/;

export function plain(value: unknown, key = ''): unknown {
  if (SECRET.test(key) && value !== null && value !== undefined) return '[secret]';
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v, String(k))]));
  if (value instanceof Set) return [...value].map((v) => plain(v));
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, k)]));
  return value;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** What changed between two plain states, leaf by leaf (arrays by index); `undefined` sides are absent fields. */
export function diff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diff((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '$', before: before ?? null, after: after ?? null }];
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => value !== null && typeof value === 'object';
