import { Doc } from '../port';

/** The values an index holds; other values (null, objects, dates) are not indexed, and queries on them scan. */
export type IndexKey = string | number | boolean;

/**
 * The ids of the documents holding one key: the id itself when there is one (most keys of a
 * field like a position are held once, and a set per key costs ~150 bytes), else a set.
 */
export type Postings = string | ReadonlySet<string>;

export function postingsSize(postings: Postings): number {
  return typeof postings === 'string' ? 1 : postings.size;
}

export interface Bounds {
  $gt?: IndexKey;
  $gte?: IndexKey;
  $lt?: IndexKey;
  $lte?: IndexKey;
}

/**
 * A non-unique, multikey index on one field (the leading field of a declared index): for each
 * string, number or boolean the field holds, the ids of the documents holding it. An array is
 * indexed element by element, and a path is followed through arrays of objects, so `{ tags: 'x' }`
 * and `{ 'jobs.title': 'x' }` find documents whose arrays hold 'x'.
 *
 * It only ever narrows: every document a filter on the field can match is among the ids it
 * returns (it may return more), and the caller applies the whole filter to them.
 */
export class FieldIndex {
  private readonly postings = new Map<IndexKey, string | Set<string>>();
  private readonly path: string[];
  /** Distinct keys in order, per type, for ranges; rebuilt lazily after keys come or go. */
  private sorted: { number: number[]; string: string[] } | null = null;
  /** Whether some document ever held an array on the path. */
  private multikey = false;
  /**
   * Documents whose keys a filter may not find as the index does (a top-level field holding an
   * object, or an array holding more than strings, numbers, booleans and nulls): for them, being
   * in a lookup's ids does not settle an equality (see ImpliedClause in plan.ts).
   */
  private readonly irregular = new Set<string>();

  constructor(readonly field: string) {
    this.path = field.split('.');
  }

  add(doc: Doc): void {
    // The common case, a top-level field holding one key, without a set of keys (a snapshot's load indexes every document).
    const value = this.path.length === 1 ? doc[this.field] : undefined;
    if (isIndexKey(value)) return this.post(value, doc._id);
    if (!this.regular(doc)) this.irregular.add(doc._id);
    for (const key of this.keysOf(doc)) this.post(key, doc._id);
  }

  private post(key: IndexKey, id: string): void {
    const ids = this.postings.get(key);
    if (ids === undefined) {
      this.postings.set(key, id);
      this.sorted = null;
    } else if (typeof ids === 'string') {
      if (ids !== id) this.postings.set(key, new Set([ids, id]));
    } else {
      ids.add(id);
    }
  }

  remove(doc: Doc): void {
    this.irregular.delete(doc._id);
    for (const key of this.keysOf(doc)) {
      const ids = this.postings.get(key);
      if (ids === undefined) continue;
      if (typeof ids === 'string') {
        if (ids !== doc._id) continue;
        this.postings.delete(key);
        this.sorted = null;
      } else {
        ids.delete(doc._id);
        if (ids.size === 1) this.postings.set(key, ids.values().next().value!);
      }
    }
  }

  /**
   * Whether a document in the ids of `equal(keys)` may not equal one of `keys` as a filter sees
   * it (only a top-level field's index vouches for its documents; a path's never does).
   */
  isIrregular(id: string): boolean {
    return this.path.length > 1 || this.irregular.has(id);
  }

  private regular(doc: Doc): boolean {
    if (this.path.length > 1) return false;
    const value = doc[this.field];
    if (!Array.isArray(value)) return value === undefined || value === null || isIndexKey(value);
    for (const item of value) if (item !== null && !isIndexKey(item)) return false;
    return true;
  }

  /** The ids of documents holding one of `keys`. */
  equal(keys: readonly IndexKey[]): Postings[] {
    return keys.flatMap((key) => this.postings.get(key) ?? []);
  }

  /**
   * The ids of documents holding a value within `bounds`, all of one type (strings compare with
   * strings, numbers with numbers, as filters do); null for bounds of another type. A document
   * whose array holds one value above the lower bound and another below the upper one matches
   * the filter without any value inside both, so on an array field the bounds are looked up one
   * by one and intersected.
   */
  range(bounds: Bounds): Postings[] | null {
    const [low, lowInclusive] = bounds.$gte !== undefined ? [bounds.$gte, true] : [bounds.$gt, false];
    const [high, highInclusive] = bounds.$lte !== undefined ? [bounds.$lte, true] : [bounds.$lt, false];
    const type = typeof (low ?? high);
    if ((type !== 'number' && type !== 'string') || (low !== undefined && high !== undefined && typeof low !== typeof high)) return null;
    if (this.multikey && low !== undefined && high !== undefined) {
      const above = union(this.between(type, low, lowInclusive, undefined, false));
      const below = union(this.between(type, undefined, false, high, highInclusive));
      return [new Set([...above].filter((id) => below.has(id)))];
    }
    return this.between(type, low, lowInclusive, high, highInclusive);
  }

  private between(type: string, low: IndexKey | undefined, lowInclusive: boolean, high: IndexKey | undefined, highInclusive: boolean): Postings[] {
    const keys = this.sortedKeys();
    const ordered: IndexKey[] = type === 'number' ? keys.number : keys.string;
    const from = low === undefined ? 0 : lowerBound(ordered, low, lowInclusive);
    const to = high === undefined ? ordered.length : lowerBound(ordered, high, !highInclusive);
    const found: Postings[] = [];
    for (let i = from; i < to; i++) found.push(this.postings.get(ordered[i]!)!);
    return found;
  }

  private sortedKeys(): { number: number[]; string: string[] } {
    if (this.sorted) return this.sorted;
    const number: number[] = [];
    const string: string[] = [];
    for (const key of this.postings.keys()) {
      if (typeof key === 'number' && !Number.isNaN(key)) number.push(key);
      else if (typeof key === 'string') string.push(key);
    }
    // JavaScript's order (UTF-16 units), the order the filter engine compares strings in.
    this.sorted = { number: number.sort((a, b) => a - b), string: string.sort() };
    return this.sorted;
  }

  private keysOf(doc: Doc): Set<IndexKey> {
    const keys = new Set<IndexKey>();
    if (collect(doc, this.path, 0, keys)) this.multikey = true;
    return keys;
  }
}

export function isIndexKey(value: unknown): value is IndexKey {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
}

/** Every id in the postings, as one set (the postings' own when there is one set; never to be changed). */
export function union(postings: Postings[]): ReadonlySet<string> {
  if (postings.length === 1 && typeof postings[0] !== 'string') return postings[0]!;
  const all = new Set<string>();
  for (const ids of postings) {
    if (typeof ids === 'string') all.add(ids);
    else for (const id of ids) all.add(id);
  }
  return all;
}

/**
 * Adds every indexable value along `path` to `keys`, through arrays at any depth (more than a
 * filter reaches, never less); says whether it met an array.
 */
function collect(value: unknown, path: string[], depth: number, keys: Set<IndexKey>): boolean {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, depth, keys);
    return true;
  }
  if (depth === path.length) {
    if (isIndexKey(value)) keys.add(value);
    return false;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return false;
  return collect((value as Record<string, unknown>)[path[depth]!], path, depth + 1, keys);
}

/** The first position whose key is above `bound` (at or above it when `inclusive`). */
function lowerBound(ordered: IndexKey[], bound: IndexKey, inclusive: boolean): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = ordered[middle]!;
    if (key < bound || (!inclusive && key === bound)) low = middle + 1;
    else high = middle;
  }
  return low;
}
