import { Doc, DuplicateKeyError, Sort } from '../port';

/**
 * A unique index over whole field values (missing counts as null, as in MongoDB).
 * Unlike MongoDB it does not index array elements one by one.
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  readonly fields: string[];

  constructor(
    private readonly collection: string,
    fields: Sort,
  ) {
    this.fields = Object.keys(fields);
  }

  /** Throws when `doc` would share its key with another document. */
  check(doc: Doc): void {
    const owner = this.owners.get(this.keyOf(doc));
    if (owner !== undefined && owner !== doc._id) throw new DuplicateKeyError(this.collection, this.fields);
  }

  add(doc: Doc): void {
    this.check(doc);
    this.owners.set(this.keyOf(doc), doc._id);
  }

  remove(doc: Doc): void {
    const key = this.keyOf(doc);
    if (this.owners.get(key) === doc._id) this.owners.delete(key);
  }

  private keyOf(doc: Doc): string {
    return JSON.stringify(this.fields.map((path) => valueAt(doc, path) ?? null));
  }
}

function valueAt(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), doc);
}
