import { Query } from 'mingo';
import { Doc, Filter } from '../port';

/** The operators the port promises; anything else would work here but maybe not on MongoDB servers. */
const SUPPORTED = new Set([
  '$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte',
  '$exists', '$regex', '$options', '$and', '$or', '$all', '$elemMatch',
]);

export type Matcher = (doc: Doc) => boolean;

export function compileFilter(filter: Filter = {}): Matcher {
  if (Object.keys(filter).length === 0) return () => true;
  assertSupported(filter);
  const query = new Query(filter, { scriptEnabled: false });
  return (doc) => query.test(doc);
}

function assertSupported(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(assertSupported);
  if (typeof value !== 'object' || value === null || value instanceof RegExp || value instanceof Date) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$') && !SUPPORTED.has(key)) {
      throw new Error(`Filter operator ${key} is outside the read store subset (see src/read-store/port.ts)`);
    }
    if (key === '$regex' && typeof inner !== 'string') {
      throw new Error('$regex takes a string pattern, with flags in $options (see src/read-store/port.ts)');
    }
    assertSupported(inner);
  }
}
