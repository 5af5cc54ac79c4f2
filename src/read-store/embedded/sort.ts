import { Doc, Sort } from '../port';
import { compareValues } from './compare';

/** Below null: MongoDB sorts an empty array before null and missing fields. */
const EMPTY_ARRAY = Symbol('empty array');
type SortKey = unknown;

/** Sorts a copy of `docs` as MongoDB would, completing the sort with `_id` ascending. */
export function sortDocs<T extends Doc>(docs: T[], sort: Sort): T[] {
  const fields = withIdTieBreaker(sort).map(([path, direction]) => ({ path: path.split('.'), direction }));
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(({ path, direction }) => sortKey(doc, path, direction)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareKeys(a.keys[i], b.keys[i]);
      if (order !== 0) return order * fields[i]!.direction;
    }
    return 0;
  });
  return keyed.map(({ doc }) => doc);
}

export function withIdTieBreaker(sort: Sort): Array<[string, 1 | -1]> {
  const fields = Object.entries(sort);
  return fields.some(([path]) => path === '_id') ? fields : [...fields, ['_id', 1]];
}

/** An array sorts by its smallest element ascending and by its largest descending. */
function sortKey(doc: Doc, path: string[], direction: 1 | -1): SortKey {
  const scalar = scalarAt(doc, path);
  if (scalar !== THROUGH_ARRAY) return scalar;
  const values = valuesAt(doc, path);
  if (values === EMPTY_ARRAY) return EMPTY_ARRAY;
  return values.reduce((best, value) => (compareValues(value, best) * direction < 0 ? value : best));
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return Number(a !== EMPTY_ARRAY) - Number(b !== EMPTY_ARRAY);
  return compareValues(a, b);
}

const THROUGH_ARRAY = Symbol('path meets an array');

/** The common case, without allocating: a path through plain objects to a non-array value. */
function scalarAt(doc: Doc, path: string[]): unknown {
  let value: unknown = doc;
  for (const key of path) {
    if (Array.isArray(value)) return THROUGH_ARRAY;
    if (!isPlainObject(value)) return null;
    value = value[key];
  }
  return Array.isArray(value) ? THROUGH_ARRAY : value ?? null;
}

/** Every value a dotted path reaches, descending through arrays; missing counts as null. */
function valuesAt(value: unknown, path: string[]): unknown[] | typeof EMPTY_ARRAY {
  if (path.length === 0) {
    if (!Array.isArray(value)) return [value];
    return value.length === 0 ? EMPTY_ARRAY : value;
  }
  if (Array.isArray(value)) {
    const found = value.flatMap((item) => {
      const inner = isPlainObject(item) ? valuesAt(item, path) : [];
      return inner === EMPTY_ARRAY ? [] : inner;
    });
    return found.length > 0 ? found : [null];
  }
  if (!isPlainObject(value)) return [null];
  const [head, ...rest] = path;
  return valuesAt(value[head!], rest);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
