/**
 * Deep-copies a document made of JSON values and Dates.
 *
 * Not `structuredClone`: under jest that builds objects from another realm, and mingo's
 * equality compares constructors, so `{ tags: [] }` would stop matching stored arrays.
 * Plain loops rather than `map`, and an object spread (V8 copies a plain object's properties in
 * one go) before the nested values are replaced: searches copy thousands of documents.
 */
export function cloneDocument<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      copy[i] = typeof item === 'object' && item !== null ? cloneDocument(item) : item;
    }
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(copy)) {
    const inner = copy[key];
    if (typeof inner === 'object' && inner !== null) copy[key] = cloneDocument(inner);
  }
  return copy as T;
}

/**
 * A copy of `value` for the store that shares every part equal to the same part of `previous`
 * (the version it replaces, which the store owns and never hands out or changes): a projection
 * that appends one entry to a document copies the document's top level, the array and the new
 * entry, not every other entry again. Equal means the same JSON values (and Date times) with
 * keys in the same order; anything else is copied as `cloneDocument` would.
 */
export function cloneSharing<T>(value: T, previous: unknown): T {
  if (typeof value !== 'object' || value === null) return value;
  if (sameValue(value, previous)) return previous as T;
  if (Array.isArray(value)) {
    const before = Array.isArray(previous) ? previous : [];
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneSharing(value[i], before[i]);
    return copy as T;
  }
  if (value instanceof Date || value instanceof RegExp) return cloneDocument(value);
  const before = isPlainObject(previous) ? previous : {};
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(copy)) {
    const inner = copy[key];
    if (typeof inner === 'object' && inner !== null) copy[key] = cloneSharing(inner, before[key]);
  }
  return copy as T;
}

/** Deep equality of JSON values and Dates, key order included. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return a !== 0 || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== others[i] || !sameValue(a[key], b[key])) return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
