import { Query } from 'mingo';
import { Doc, Filter } from '../port';
import type { ImpliedClause } from './plan';

/** The operators the port promises; anything else would work here but maybe not on MongoDB servers. */
const SUPPORTED = new Set([
  '$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte',
  '$exists', '$regex', '$options', '$and', '$or', '$all', '$elemMatch',
]);

export type Matcher = (doc: Doc) => boolean;

/**
 * `implied`: a clause every candidate meets unless its index calls it irregular (plan.ts); where
 * it stands among the clauses all must meet (top level, `$and`), only irregular documents are
 * tested on it.
 */
export function compileFilter(filter: Filter = {}, implied: ImpliedClause | null = null): Matcher {
  if (Object.keys(filter).length === 0) return () => true;
  assertSupported(filter);
  return compileClauses(filter, implied);
}

type Scalar = string | number | boolean;
/** What a fast test says of a document it cannot judge alone: mingo decides (see `leaf`). */
const UNSURE = 2;
type Verdict = boolean | typeof UNSURE;

/**
 * The commonest filters without mingo, whose test costs more than the lookup it serves (a job
 * search tests thousands of candidates): `$and`, `$or` and top-level fields (no dots) with
 * `$eq`, `$ne`, `$in`, `$nin`, ranges and `$exists` on strings, numbers, booleans and null.
 * MongoDB's rules hold: a missing field equals null, an array matches when one of its elements
 * does, a range compares only values of its own type. A value the fast test is not sure of
 * (objects, dates, arrays with more than scalars, NaN) goes to mingo for that clause, as does
 * every other operator, so answers are mingo's.
 */
function compileClauses(filter: Filter, implied: ImpliedClause | null): Matcher {
  const parts: Matcher[] = [];
  for (const key of Object.keys(filter)) {
    const condition = filter[key];
    if ((key === '$and' || key === '$or') && Array.isArray(condition) && condition.length > 0 && condition.every(isPlainFilter)) {
      // An alternative under $or is not required of a match: nothing is implied there.
      const inner = condition.map((part) => compileClauses(part, key === '$and' ? implied : null));
      parts.push(key === '$and' ? all(inner) : (doc) => inner.some((m) => m(doc)));
    } else if (implied && key === implied.field && condition === implied.condition) {
      const test = leaf(key, condition);
      const index = implied.index;
      parts.push((doc) => !index.isIrregular(doc._id) || test(doc));
    } else {
      parts.push(leaf(key, condition));
    }
  }
  return all(parts);
}

function all(parts: Matcher[]): Matcher {
  if (parts.length === 1) return parts[0]!;
  return (doc) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i]!(doc)) return false;
    return true;
  };
}

/** One field's condition: the fast test where it applies, mingo (compiled once, when first needed) where not. */
function leaf(field: string, condition: unknown): Matcher {
  let query: Query | undefined;
  const slow: Matcher = (doc) => (query ??= new Query({ [field]: condition }, { scriptEnabled: false })).test(doc);
  const fast = field.startsWith('$') || field.includes('.') ? null : fieldTest(condition);
  if (!fast) return slow;
  return (doc) => {
    const value = doc[field];
    const verdict = value === undefined && field in doc ? UNSURE : fast(value);
    return verdict === UNSURE ? slow(doc) : verdict;
  };
}

type ValueTest = (value: unknown) => Verdict;
const RANGES: Record<string, (a: string | number, b: string | number) => boolean> = {
  $lt: (a, b) => a < b,
  $lte: (a, b) => a <= b,
  $gt: (a, b) => a > b,
  $gte: (a, b) => a >= b,
};

/** A test of a field's value (undefined when missing) for a condition the fast path knows, else null. */
function fieldTest(condition: unknown): ValueTest | null {
  if (isScalarOrNull(condition)) return equals(new Set([condition]));
  if (!isPlainFilter(condition)) return null;
  const ops = Object.keys(condition);
  if (ops.length === 0) return null;
  const tests: ValueTest[] = [];
  for (const op of ops) {
    const operand = condition[op];
    if (op === '$eq' && isScalarOrNull(operand)) tests.push(equals(new Set([operand])));
    else if (op === '$ne' && isScalarOrNull(operand)) tests.push(not(equals(new Set([operand]))));
    else if (op === '$in' && Array.isArray(operand) && operand.every(isScalarOrNull)) tests.push(equals(new Set(operand)));
    else if (op === '$nin' && Array.isArray(operand) && operand.every(isScalarOrNull)) tests.push(not(equals(new Set(operand))));
    else if (op in RANGES && (typeof operand === 'string' || (typeof operand === 'number' && !Number.isNaN(operand)))) tests.push(range(RANGES[op]!, operand));
    else if (op === '$exists' && typeof operand === 'boolean') tests.push((value) => (value !== undefined) === operand);
    else return null;
  }
  if (tests.length === 1) return tests[0]!;
  return (value) => {
    let verdict: Verdict = true;
    for (const test of tests) {
      const one = test(value);
      if (one === false) return false;
      if (one === UNSURE) verdict = UNSURE;
    }
    return verdict;
  };
}

/**
 * Equal to one of `values` (null also standing for missing), or an array holding one of them.
 * An array holding one of the scalars asked for matches whatever else it holds; a few of them
 * are looked for with `includes` (a job's terms against a query's), many through the set.
 */
function equals(values: Set<Scalar | null>): ValueTest {
  const nullToo = values.has(null);
  const scalars = [...values].filter(isScalar);
  const few = scalars.length <= 8;
  return (value) => {
    if (value === undefined || value === null) return nullToo;
    if (isScalar(value)) return values.has(value);
    if (!Array.isArray(value)) return UNSURE;
    if (few) for (const scalar of scalars) if (value.includes(scalar)) return true;
    let other = false;
    for (const item of value) {
      if (!isScalar(item)) other = true;
      else if (!few && values.has(item)) return true;
    }
    return other ? UNSURE : false;
  };
}

function not(test: ValueTest): ValueTest {
  return (value) => {
    const verdict = test(value);
    return verdict === UNSURE ? UNSURE : !verdict;
  };
}

/** Values of the operand's own type only: a string never compares with a number, null or a missing field. */
function range(compare: (a: string | number, b: string | number) => boolean, operand: string | number): ValueTest {
  const type = typeof operand;
  return (value) => {
    if (value === undefined || value === null) return false;
    if (typeof value === type && !(typeof value === 'number' && Number.isNaN(value))) return compare(value as string | number, operand);
    if (isScalar(value)) return false;
    return UNSURE;
  };
}

function isScalarOrNull(value: unknown): value is Scalar | null {
  return value === null || isScalar(value);
}

/** NaN is left to mingo: a Set would find it, MongoDB's equality would too, mingo's may not. */
function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
}

function isPlainFilter(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
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
