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
  const simple = equalityMatcher(filter);
  if (simple) return simple;
  const query = new Query(filter, { scriptEnabled: false });
  return (doc) => query.test(doc);
}

type Scalar = string | number | boolean;

/**
 * The commonest filters (`{ _id: { $in: [...] } }`, `{ user_id, status }`) without building a
 * mingo query, whose compilation costs more than the lookup it serves: top-level fields (no
 * dots, no operators but `$eq` and `$in`) each equal to a string, number or boolean, or to one
 * of a list of them. MongoDB's rule for arrays holds: a field holding an array matches when one
 * of its elements does. Anything else (null, objects, dates, other operators) goes to mingo.
 */
function equalityMatcher(filter: Filter): Matcher | null {
  const fields: Array<[string, Set<Scalar>]> = [];
  for (const field of Object.keys(filter)) {
    if (field.startsWith('$') || field.includes('.')) return null;
    const values = equalValues(filter[field]);
    if (!values) return null;
    fields.push([field, values]);
  }
  return (doc) => {
    for (const [field, values] of fields) {
      const value = doc[field];
      if (Array.isArray(value) ? !value.some((item) => values.has(item as Scalar)) : !values.has(value as Scalar)) return false;
    }
    return true;
  };
}

function equalValues(condition: unknown): Set<Scalar> | null {
  if (isScalar(condition)) return new Set([condition]);
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return null;
  const ops = Object.keys(condition);
  if (ops.length !== 1) return null;
  const operand = (condition as Record<string, unknown>)[ops[0]!];
  if (ops[0] === '$eq' && isScalar(operand)) return new Set([operand]);
  if (ops[0] === '$in' && Array.isArray(operand) && operand.every(isScalar)) return new Set(operand);
  return null;
}

/** NaN is left to mingo: a Set would find it, MongoDB's equality would too, mingo's may not. */
function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
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
