import { Doc, Filter, FindOptions, IndexOptions, Sort } from '../port';
import { cloneDocument, cloneSharing } from './clone';
import { FieldIndex } from './field-index';
import { compileFilter } from './filter';
import { planCandidates } from './plan';
import { sortDocs } from './sort';
import { BulkLoad, StoredCollection } from './stored-collection';
import { UniqueIndex } from './unique-index';

const MAX_COUNTS = 256;

/**
 * Documents are cloned in and out, so callers never share objects with the store; a stored
 * document shares the parts it has in common with the version it replaced (cloneSharing),
 * which is safe because the store never changes what it holds in place (a snapshot restore's
 * bulk load, `loadDocuments`, takes parsed documents nobody else holds without copying). Every
 * declared index, unique or not, narrows the documents a filter is tested on (see plan.ts).
 */
export class EmbeddedCollection<T extends Doc> implements StoredCollection<T> {
  private readonly docs = new Map<string, T>();
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();
  /** By leading field: an index on `{ user_id: 1, status: 1 }` narrows by `user_id`. */
  private readonly fieldIndexes = new Map<string, FieldIndex>();
  /** Insertion order, so that narrowed results come back in the order a scan gives. */
  private readonly order = new Map<string, number>();
  private inserted = 0;
  /**
   * Counts asked since the last write, by filter: a search counts every job its filters allow
   * (a scan) and the same filters come back page after page. Any write forgets them all.
   */
  private readonly counts = new Map<string, number>();

  constructor(private readonly name: string) {}

  async get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return doc ? cloneDocument(doc) : null;
  }

  async upsert(doc: T): Promise<void> {
    const previous = this.docs.get(doc._id);
    const copy = cloneSharing(doc, previous);
    for (const index of this.uniqueIndexes.values()) index.check(copy);
    for (const index of this.uniqueIndexes.values()) {
      if (previous) index.remove(previous);
      index.add(copy);
    }
    for (const index of this.fieldIndexes.values()) {
      if (previous) index.remove(previous);
      index.add(copy);
    }
    if (!previous) this.order.set(copy._id, this.inserted++);
    this.docs.set(copy._id, copy);
    this.counts.clear();
  }

  /**
   * Takes `docs` as this collection's documents, in their order, without copying them: the bulk
   * load of a snapshot restore, for an empty collection only. The caller hands over documents
   * that nothing else holds (freshly parsed JSON values) and never touches them again, so they
   * may be stored as they are (the store never changes what it holds). Each declared index is
   * built once, after the documents are in. Throws, leaving the collection empty, when it was
   * not empty, an `_id` repeats or a unique index refuses a document.
   */
  loadDocuments(docs: readonly T[]): void {
    if (this.docs.size > 0) throw new Error(`bulk load into ${this.name}, which is not empty`);
    try {
      for (const doc of docs) {
        if (this.docs.has(doc._id)) throw new Error(`bulk load into ${this.name}: _id ${doc._id} repeats`);
        this.docs.set(doc._id, doc);
        this.order.set(doc._id, this.inserted++);
      }
      for (const index of this.uniqueIndexes.values()) for (const doc of docs) index.add(doc);
      for (const index of this.fieldIndexes.values()) for (const doc of docs) index.add(doc);
    } catch (error) {
      this.empty();
      throw error;
    }
    this.counts.clear();
  }

  startLoad(): BulkLoad<T> {
    const docs: T[] = [];
    return { add: (doc) => docs.push(doc), finish: () => this.loadDocuments(docs) };
  }

  /**
   * The stored documents as they are now, in an array of their own (references, not copies: the
   * store never changes a document it holds): a snapshot is written over several turns of the
   * event loop, and a Map iterator would meet a document deleted and written again twice.
   */
  contents(): Iterable<T> {
    return [...this.docs.values()];
  }

  async delete(id: string): Promise<void> {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const index of this.uniqueIndexes.values()) index.remove(doc);
    for (const index of this.fieldIndexes.values()) index.remove(doc);
    this.docs.delete(id);
    this.order.delete(id);
    this.counts.clear();
  }

  async deleteMany(filter?: Filter): Promise<number> {
    const doomed = this.matching(filter, false);
    for (const doc of doomed) await this.delete(doc._id);
    return doomed.length;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip = 0, limit = 0 } = options;
    const sorted = sort !== undefined && Object.keys(sort).length > 0;
    const anyOrder = options.unordered === true && skip === 0 && limit === 0;
    let found = this.matching(filter, !sorted && !anyOrder);
    if (sorted) found = sortDocs(found, sort);
    const page = found.slice(skip, limit > 0 ? skip + limit : undefined);
    const fields = options.fields;
    if (fields) return page.map((doc) => pickFields(doc, fields, options.readOnly === true));
    return page.map((doc) => cloneDocument(doc));
  }

  async count(filter?: Filter): Promise<number> {
    const key = filterKey(filter ?? {});
    const known = key === null ? undefined : this.counts.get(key);
    if (known !== undefined) return known;
    const count = this.matching(filter, false).length;
    if (key !== null) {
      if (this.counts.size >= MAX_COUNTS) this.counts.clear();
      this.counts.set(key, count);
    }
    return count;
  }

  async ensureIndex(fields: Sort, options: IndexOptions = {}): Promise<void> {
    if (options.unique) this.ensureUniqueIndex(fields);
    const leading = Object.keys(fields)[0];
    // A numeric segment (`tags.0`) names an array position, which the index does not follow.
    if (leading === undefined || leading === '_id' || this.fieldIndexes.has(leading) || /(^|\.)\d+(\.|$)/.test(leading)) return;
    const index = new FieldIndex(leading);
    for (const doc of this.docs.values()) index.add(doc);
    this.fieldIndexes.set(leading, index);
  }

  private ensureUniqueIndex(fields: Sort): void {
    const name = JSON.stringify(fields);
    if (this.uniqueIndexes.has(name)) return;
    const index = new UniqueIndex(this.name, fields);
    for (const doc of this.docs.values()) index.add(doc);
    this.uniqueIndexes.set(name, index);
  }

  /** Back to no documents, keeping the declared indexes (empty). */
  private empty(): void {
    this.docs.clear();
    this.order.clear();
    this.inserted = 0;
    this.counts.clear();
    for (const name of this.uniqueIndexes.keys()) this.uniqueIndexes.set(name, new UniqueIndex(this.name, JSON.parse(name) as Sort));
    for (const field of this.fieldIndexes.keys()) this.fieldIndexes.set(field, new FieldIndex(field));
  }

  /** The matches, in insertion order when `inOrder` (an index hands them out in its own order). */
  private matching(filter: Filter | undefined, inOrder: boolean): T[] {
    const plan = filter ? planCandidates(filter, this.fieldIndexes) : null;
    const matches = compileFilter(filter, plan?.implied);
    const ids = plan?.ids ?? null;
    if (ids === null) return [...this.docs.values()].filter(matches);
    const found: T[] = [];
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc && matches(doc)) found.push(doc);
    }
    return inOrder ? this.inInsertionOrder(found) : found;
  }

  /** Ordered by one numeric sort of keys (insertion number, then position) rather than a comparison of map lookups. */
  private inInsertionOrder(found: T[]): T[] {
    if (found.length < 2) return found;
    const keys = new Float64Array(found.length);
    const scale = 2 ** Math.ceil(Math.log2(found.length + 1));
    if (this.inserted * scale > Number.MAX_SAFE_INTEGER) return found.sort((a, b) => this.order.get(a._id)! - this.order.get(b._id)!);
    for (let i = 0; i < found.length; i++) keys[i] = this.order.get(found[i]!._id)! * scale + i;
    keys.sort();
    return Array.from(keys, (key) => found[key % scale]!);
  }
}

/** A filter made only of JSON values, as text; null for one holding a Date, RegExp or the like. */
function filterKey(filter: Filter): string | null {
  return isJson(filter) ? JSON.stringify(filter) : null;
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  return Object.values(value as Record<string, unknown>).every(isJson);
}

/**
 * `_id` and the named top-level fields that the document has: copies, or for a `readOnly` read
 * the stored values themselves, deeply frozen (once; the store never changes a value it holds,
 * and a later version shares it frozen, see cloneSharing).
 */
function pickFields<T extends Doc>(doc: T, fields: readonly string[], readOnly: boolean): T {
  const picked: Record<string, unknown> = { _id: doc._id };
  for (const field of fields) {
    if (!(field in doc)) continue;
    const value = (doc as Record<string, unknown>)[field];
    picked[field] = readOnly ? deepFreeze(value) : cloneDocument(value);
  }
  return picked as T;
}

/** Freezes `value` and everything in it; a frozen object is taken as frozen throughout (only this function freezes stored values). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
