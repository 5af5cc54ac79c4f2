import { Doc, Filter, FindOptions, IndexOptions, Sort } from '../../port';
import { cloneDocument } from '../clone';
import { compileFilter } from '../filter';
import { sortDocs } from '../sort';
import { BulkLoad, StoredCollection } from '../stored-collection';
import { UniqueIndex } from '../unique-index';
import { CollectionImage } from '../../column-image';
import { Column } from './column';
import { RowIds } from './row-ids';
import { rowTests } from './row-tests';

/** Rows deleted before the columns are rewritten without them (when also more than the live rows). */
const COMPACT_AFTER = 4096;

/**
 * The embedded store's layout for a large read model of many small flat documents (the audit
 * trail: one document per event), chosen by the read model (`layout: 'columns'`). Each field is
 * a column of typed arrays (column.ts), so a document costs bytes rather than a JS object and
 * its strings; `_id` finds its row through a table of row numbers (row-ids.ts).
 *
 * The same answers as the document layout (the read-store contract runs on both): filters are
 * tested on the rows' documents, built only for rows the columns cannot rule out (row-tests.ts);
 * unsorted results come in insertion order. Non-unique indexes are not built: a scan of a column
 * is the index. A sort on one field whose column has only grown (an audit's `position`) is
 * read in row order and stops at the page, instead of sorting every match.
 */
export class ColumnCollection<T extends Doc> implements StoredCollection<T> {
  private capacity = 1024;
  /** Rows used, deleted ones included. */
  private rows = 0;
  private deleted = 0;
  private live = new Uint8Array(this.capacity);
  private columns = new Map<string, Column>();
  private readonly idOf = (row: number) => this.columns.get('_id')!.get(row) as string;
  private ids = new RowIds(this.idOf);
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();

  constructor(private readonly name: string) {}

  async get(id: string): Promise<T | null> {
    const row = this.ids.find(id);
    return row < 0 ? null : this.docAt(row, true);
  }

  async upsert(doc: T): Promise<void> {
    const row = this.ids.find(doc._id);
    const previous = row < 0 ? null : this.docAt(row, false);
    for (const index of this.uniqueIndexes.values()) index.check(doc);
    for (const index of this.uniqueIndexes.values()) {
      if (previous) index.remove(previous);
      index.add(doc);
    }
    if (row < 0) this.append(doc, false);
    else this.replace(row, doc);
  }

  /**
   * Takes `docs` as this (empty) collection's documents, in their order: a snapshot restore's
   * bulk load. Their values are encoded, objects kept without copying (nobody else holds them).
   * Throws, leaving the collection empty, when an `_id` repeats or a unique index refuses one.
   */
  loadDocuments(docs: readonly T[]): void {
    const load = this.startLoad();
    try {
      for (const doc of docs) load.add(doc);
      load.finish();
    } catch (error) {
      this.reset();
      for (const name of this.uniqueIndexes.keys()) this.uniqueIndexes.set(name, new UniqueIndex(this.name, JSON.parse(name) as Sort));
      throw error;
    }
  }

  /** Each document is encoded as it comes, so a snapshot's parsed documents are garbage at once instead of all held until the end. */
  startLoad(): BulkLoad<T> {
    if (this.rows - this.deleted > 0) throw new Error(`bulk load into ${this.name}, which is not empty`);
    return {
      add: (doc) => {
        if (this.ids.find(doc._id) >= 0) throw new Error(`bulk load into ${this.name}: _id ${doc._id} repeats`);
        this.append(doc, true);
      },
      finish: () => {
        for (const index of this.uniqueIndexes.values()) for (const doc of this.documents()) index.add(doc);
      },
    };
  }

  /** A copy of every row, taken at once: a snapshot writes it while the collection goes on changing. */
  contents(): CollectionImage {
    const rows = this.rows;
    return { rows, live: this.live.slice(0, rows), columns: [...this.columns].map(([field, column]) => column.image(field, rows)) };
  }

  /** Takes an image as this (empty) collection's rows; throws when it is inconsistent (the caller then discards the collection). */
  loadImage(image: CollectionImage): void {
    if (this.rows > 0) throw new Error(`image load into ${this.name}, which is not empty`);
    const { rows } = image;
    if (image.live.length !== rows || image.columns.some((column) => column.tags.length !== rows)) throw new Error(`image of ${this.name}: columns of different lengths`);
    // Exactly the rows (the next append grows it): a power of two above 300,000 rows held 75 % more.
    const capacity = Math.max(1024, rows);
    this.capacity = capacity;
    this.rows = rows;
    this.live = new Uint8Array(capacity);
    this.live.set(image.live);
    this.columns = new Map(image.columns.map((column) => [column.field, Column.fromImage(column, capacity)]));
    const ids = this.columns.get('_id');
    for (let row = 0; row < rows; row++) {
      if (!this.live[row]) {
        this.deleted++;
        continue;
      }
      const id = ids?.get(row);
      if (typeof id !== 'string' || this.ids.find(id) >= 0) throw new Error(`image of ${this.name}: a row without a unique _id`);
      this.ids.add(id, row);
    }
    for (const index of this.uniqueIndexes.values()) for (const doc of this.documents()) index.add(doc);
  }

  /** Every live row's document, its objects the stored ones (read only). */
  *documents(): Iterable<T> {
    for (let row = 0; row < this.rows; row++) if (this.live[row]) yield this.docAt(row, false);
  }

  async delete(id: string): Promise<void> {
    const row = this.ids.find(id);
    if (row >= 0) this.remove(row);
    this.compactIfSparse();
  }

  async deleteMany(filter?: Filter): Promise<number> {
    const doomed = this.scan(filter, 1, 0);
    for (const row of doomed) this.remove(row);
    this.compactIfSparse();
    return doomed.length;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip = 0, limit = 0 } = options;
    const end = limit > 0 ? skip + limit : undefined;
    const keys = sort ? Object.entries(sort) : [];
    // Rows are already in the order asked: none, or that of one column that has only grown.
    const inRowOrder = keys.length === 0 || (keys.length === 1 && this.columns.get(keys[0]![0])?.ascending === true);
    const page = inRowOrder
      ? this.scan(filter, keys[0]?.[1] ?? 1, end ?? 0).slice(skip).map((row) => this.docAt(row, false))
      : sortDocs(this.scan(filter, 1, 0).map((row) => this.docAt(row, false)), sort!).slice(skip, end);
    return page.map((doc) => this.handedOut(doc, options.fields));
  }

  async count(filter?: Filter): Promise<number> {
    if (!filter || Object.keys(filter).length === 0) return this.rows - this.deleted;
    return this.scan(filter, 1, 0).length;
  }

  async ensureIndex(fields: Sort, options: IndexOptions = {}): Promise<void> {
    if (!options.unique) return;
    const name = JSON.stringify(fields);
    if (this.uniqueIndexes.has(name)) return;
    const index = new UniqueIndex(this.name, fields);
    for (const doc of this.documents()) index.add(doc);
    this.uniqueIndexes.set(name, index);
  }

  /**
   * The live rows that match, in row order (backwards for -1), up to `enough` (0: all). A row the
   * column tests let through is tested on a document of only the fields the filter names.
   */
  private scan(filter: Filter | undefined, direction: 1 | -1, enough: number): number[] {
    const matches = compileFilter(filter);
    const tests = filter ? rowTests(filter, (field) => this.columns.get(field)) : [];
    const read = filter ? fieldsOf(filter) : new Set<string>();
    const named = [...this.columns].filter(([field]) => read.has(field));
    const found: number[] = [];
    const first = direction === 1 ? 0 : this.rows - 1;
    for (let row = first; row >= 0 && row < this.rows; row += direction) {
      if (!this.live[row] || !tests.every((test) => test(row))) continue;
      const doc: Record<string, unknown> = {};
      for (const [field, column] of named) {
        const value = column.get(row);
        if (value !== undefined) doc[field] = value;
      }
      if (!matches(doc as T)) continue;
      found.push(row);
      if (found.length === enough) break;
    }
    return found;
  }

  /** The row's document; its objects and arrays are the stored ones unless `copied`. */
  private docAt(row: number, copied: boolean): T {
    const doc: Record<string, unknown> = {};
    for (const [field, column] of this.columns) {
      const value = column.get(row);
      if (value !== undefined) doc[field] = copied && typeof value === 'object' && value !== null ? cloneDocument(value) : value;
    }
    return doc as T;
  }

  private handedOut(doc: T, fields: readonly string[] | undefined): T {
    if (!fields) return cloneDocument(doc);
    const picked: Record<string, unknown> = { _id: doc._id };
    for (const field of fields) if (field in doc) picked[field] = cloneDocument((doc as Record<string, unknown>)[field]);
    return picked as T;
  }

  private append(doc: T, owned: boolean): void {
    if (this.rows === this.capacity) this.grow();
    for (const field of Object.keys(doc)) this.column(field);
    const row = this.rows++;
    for (const [field, column] of this.columns) column.append(row, (doc as Record<string, unknown>)[field], owned);
    this.live[row] = 1;
    this.ids.add(doc._id, row);
  }

  /** A new version of a row's document: a column it changes no longer says the order. */
  private replace(row: number, doc: T): void {
    for (const field of Object.keys(doc)) this.column(field);
    for (const [field, column] of this.columns) {
      const value = (doc as Record<string, unknown>)[field];
      if (column.ascending && (typeof value === 'object' || value !== column.get(row))) column.ascending = false;
      column.set(row, value);
    }
  }

  private remove(row: number): void {
    this.ids.remove(this.idOf(row));
    for (const column of this.columns.values()) column.set(row, undefined);
    this.live[row] = 0;
    this.deleted++;
  }

  private column(field: string): Column {
    let column = this.columns.get(field);
    if (!column) {
      column = new Column(this.capacity, this.rows);
      this.columns.set(field, column);
    }
    return column;
  }

  /** By half again: the arrays of a large collection are its memory, and a doubling may leave half unused. */
  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    const live = new Uint8Array(this.capacity);
    live.set(this.live);
    this.live = live;
    for (const column of this.columns.values()) column.grow(this.capacity);
  }

  /** Rewrites the columns without deleted rows once those are many: rows, dictionaries and the id table start afresh (unique indexes hold the same documents). */
  private compactIfSparse(): void {
    if (this.deleted < COMPACT_AFTER || this.deleted <= this.rows - this.deleted) return;
    const docs = [...this.documents()];
    this.reset();
    for (const doc of docs) this.append(doc, true);
  }

  private reset(): void {
    this.capacity = 1024;
    this.rows = 0;
    this.deleted = 0;
    this.live = new Uint8Array(this.capacity);
    this.columns = new Map();
    this.ids = new RowIds(this.idOf);
  }
}

/** The top-level fields a filter reads (through `$and`, `$or` and the like): a document of only these is judged as the whole one. */
function fieldsOf(filter: Filter, into = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(filter)) {
    if (!key.startsWith('$')) into.add(key.split('.')[0]!);
    else if (Array.isArray(value)) for (const inner of value) if (typeof inner === 'object' && inner !== null) fieldsOf(inner as Filter, into);
  }
  return into;
}

