import { Filter } from '../port';
import { Bounds, FieldIndex, isIndexKey, Postings, postingsSize, union } from './field-index';

const RANGE = ['$gt', '$gte', '$lt', '$lte'] as const;

/**
 * The ids a filter can match, through the narrowest index it allows (equality, `$in`, `$all`
 * or a range on an indexed field, or `_id`, at the top level or inside `$and`), or null when no
 * index applies and every document must be tested. The ids hold every match and maybe more:
 * the caller still applies the whole filter to them.
 */
export function candidateIds(filter: Filter, indexes: ReadonlyMap<string, FieldIndex>): ReadonlySet<string> | null {
  return planCandidates(filter, indexes)?.ids ?? null;
}

/**
 * A clause of the filter (`{ field: condition }`, the condition object itself) that every
 * candidate of a plan meets unless the index calls the candidate irregular: the candidates were
 * looked up by that very equality or `$in` on a top-level field.
 */
export interface ImpliedClause {
  field: string;
  condition: unknown;
  index: FieldIndex;
}

export interface Plan {
  ids: ReadonlySet<string>;
  implied: ImpliedClause | null;
}

interface Lookup {
  postings: Postings[];
  implied: ImpliedClause | null;
}

export function planCandidates(filter: Filter, indexes: ReadonlyMap<string, FieldIndex>): Plan | null {
  const lookups: Lookup[] = [];
  collectLookups(filter, indexes, lookups);
  let best: Lookup | null = null;
  let bestSize = Infinity;
  for (const lookup of lookups) {
    const size = lookup.postings.reduce((sum, ids) => sum + postingsSize(ids), 0);
    if (size < bestSize) [best, bestSize] = [lookup, size];
  }
  return best && { ids: union(best.postings), implied: best.implied };
}

function collectLookups(filter: Filter, indexes: ReadonlyMap<string, FieldIndex>, lookups: Lookup[]): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) collectLookups(part, indexes, lookups);
    } else if (field === '_id') {
      const ids = equalValues(condition);
      if (ids) lookups.push({ postings: [new Set(ids.filter((id): id is string => typeof id === 'string'))], implied: null });
    } else {
      const index = indexes.get(field);
      if (!index) continue;
      const implied = !field.includes('.') && isOnlyEquality(condition) ? { field, condition, index } : null;
      for (const postings of indexLookups(index, condition)) lookups.push({ postings, implied });
    }
  }
}

/** A plain value, `{ $eq }` or `{ $in }` alone, of index keys only: a lookup answers it whole (see ImpliedClause). */
function isOnlyEquality(condition: unknown): boolean {
  return isIndexKey(condition) || (isOperators(condition) && Object.keys(condition).length === 1 && equalValues(condition) !== null);
}

function indexLookups(index: FieldIndex, condition: unknown): Postings[][] {
  if (isIndexKey(condition)) return [index.equal([condition])];
  if (!isOperators(condition)) return [];
  const lookups: Postings[][] = [];
  const values = equalValues(condition);
  if (values) lookups.push(index.equal(values));
  const all = condition.$all;
  if (Array.isArray(all)) for (const value of all) if (isIndexKey(value)) lookups.push(index.equal([value]));
  const bounds: Bounds = {};
  for (const op of RANGE) if (isIndexKey(condition[op])) bounds[op] = condition[op];
  if (Object.keys(bounds).length > 0) {
    const found = index.range(bounds);
    if (found) lookups.push(found);
  }
  return lookups;
}

/** The values an `$eq` or `$in` (or a plain value) asks for, when every one of them is indexable. */
function equalValues(condition: unknown): Array<string | number | boolean> | null {
  if (isIndexKey(condition)) return [condition];
  if (!isOperators(condition)) return null;
  if (isIndexKey(condition.$eq)) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.every(isIndexKey)) return list;
  return null;
}

/** `{ $gt: 1, $ne: 5 }`, as opposed to an object a field must equal. */
function isOperators(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith('$'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}
