/**
 * Deep-copies a document made of JSON values and Dates.
 *
 * Not `structuredClone`: under jest that builds objects from another realm, and mingo's
 * equality compares constructors, so `{ tags: [] }` would stop matching stored arrays.
 */
export function cloneDocument<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = cloneDocument(inner);
  return copy as T;
}
