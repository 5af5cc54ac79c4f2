/**
 * Deep-copies a document made of JSON values and Dates.
 *
 * Not `structuredClone`: under jest that builds objects from another realm, and mingo's
 * equality compares constructors, so `{ tags: [] }` would stop matching stored arrays.
 * Plain loops rather than `map` and `Object.entries`: searches copy thousands of documents.
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
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const inner = source[key];
    copy[key] = typeof inner === 'object' && inner !== null ? cloneDocument(inner) : inner;
  }
  return copy as T;
}
