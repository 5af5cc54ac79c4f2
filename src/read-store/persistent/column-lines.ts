import type { CollectionImage, ColumnImage } from '../column-image';

/**
 * A collection held as columns is written to the snapshot as its arrays, not as documents:
 *   ["$columns", collection, {rows, fields: [{field, ascending, last, nums, uuids}]}]
 *   ["$column", collection, i, {dictionary, values}]        per field, then its parts
 *   ["$part", collection, i, array, offset, base64]         48 KB of an array at a time
 * where `array` is tags, nums or uuids of field i, or `live` (i = -1) for the rows' liveness.
 * Reading it back copies bytes instead of parsing and encoding a document per row (300,000
 * audit entries: ~2.5 s → ~0.1 s), and small lines stay young garbage: a 6 MB line of base64
 * would wait for a full collection in the large-object space (tens of MB of RSS after a start).
 */
export const COLUMNS_LINE = '$columns';
export const COLUMN_LINE = '$column';
export const PART_LINE = '$part';
const PART_BYTES = 48 * 1024;

type ArrayName = 'live' | 'tags' | 'nums' | 'uuids';

interface ColumnsMeta {
  rows: number;
  fields: { field: string; ascending: boolean; last: unknown; nums: boolean; uuids: boolean }[];
}

interface ColumnData {
  dictionary: string[];
  values: [number, unknown][];
}

/** The image's lines, each made when it is asked for. */
export function* imageLines(collection: string, image: CollectionImage): Generator<unknown[]> {
  const fields = image.columns.map(({ field, ascending, last, nums, uuids }) => ({ field, ascending, last, nums: nums !== null, uuids: uuids !== null }));
  const meta: ColumnsMeta = { rows: image.rows, fields };
  yield [COLUMNS_LINE, collection, meta];
  yield* parts(collection, -1, 'live', image.live);
  for (const [i, column] of image.columns.entries()) {
    const data: ColumnData = { dictionary: column.dictionary, values: column.values };
    yield [COLUMN_LINE, collection, i, data];
    yield* parts(collection, i, 'tags', column.tags);
    if (column.nums) yield* parts(collection, i, 'nums', column.nums);
    if (column.uuids) yield* parts(collection, i, 'uuids', column.uuids);
  }
}

function* parts(collection: string, index: number, name: ArrayName, array: Uint8Array | Float64Array): Generator<unknown[]> {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let offset = 0; offset < bytes.length; offset += PART_BYTES) {
    yield [PART_LINE, collection, index, name, offset, Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(PART_BYTES, bytes.length - offset)).toString('base64')];
  }
}

interface Pending {
  collection: string;
  meta: ColumnsMeta;
  live: Uint8Array;
  columns: ColumnImage[];
  /** Bytes still expected, over every array. */
  missing: number;
}

/** Puts an image together from its lines as they are read; hands it over once its last byte is in. */
export class ImageAssembler {
  private pending: Pending | null = null;

  constructor(private readonly onImage: (collection: string, image: CollectionImage) => void) {}

  /** Whether `line` is one of an image's; throws on one out of place or malformed. */
  take(line: unknown[]): boolean {
    const kind = line[0];
    if (kind === COLUMNS_LINE) this.start(line);
    else if (kind === COLUMN_LINE) this.column(line);
    else if (kind === PART_LINE) this.part(line);
    else return false;
    return true;
  }

  /** Throws when an image is left incomplete (a cut file). */
  end(): void {
    if (this.pending) throw new Error(`the image of ${this.pending.collection} lacks ${this.pending.missing} bytes or columns`);
  }

  private start(line: unknown[]): void {
    if (this.pending) throw new Error('an image starts before the last one ended');
    const [, collection, meta] = line as [string, string, ColumnsMeta];
    if (typeof collection !== 'string' || !Array.isArray(meta?.fields) || !Number.isSafeInteger(meta.rows) || meta.rows < 0) throw new Error('malformed image header');
    const rows = meta.rows;
    const missing = rows + meta.fields.reduce((sum, field) => sum + rows * (1 + (field.nums ? 8 : 0) + (field.uuids ? 16 : 0)), 0);
    this.pending = { collection, meta, live: new Uint8Array(rows), columns: [], missing };
    this.finishIfComplete();
  }

  private column(line: unknown[]): void {
    const [, collection, index, data] = line as [string, string, number, ColumnData];
    const pending = this.pending;
    if (!pending || collection !== pending.collection || index !== pending.columns.length || index >= pending.meta.fields.length || !Array.isArray(data?.dictionary) || !Array.isArray(data.values)) {
      throw new Error('a column line out of place');
    }
    const { field, ascending, last, nums, uuids } = pending.meta.fields[index]!;
    const rows = pending.meta.rows;
    pending.columns.push({ field, ascending, last, tags: new Uint8Array(rows), nums: nums ? new Float64Array(rows) : null, uuids: uuids ? new Uint8Array(rows * 16) : null, dictionary: data.dictionary, values: data.values });
    this.finishIfComplete();
  }

  private part(line: unknown[]): void {
    const [, collection, index, name, offset, text] = line as [string, string, number, ArrayName, number, string];
    const pending = this.pending;
    if (!pending || collection !== pending.collection || typeof text !== 'string' || !Number.isSafeInteger(offset)) throw new Error('a part line out of place');
    const array = index === -1 && name === 'live' ? pending.live : index === pending.columns.length - 1 && name !== 'live' ? pending.columns[index]![name] : null;
    if (!array) throw new Error('a part of no array');
    const target = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const bytes = Buffer.from(text, 'base64');
    if (offset < 0 || offset + bytes.length > target.length) throw new Error('a part beyond its array');
    target.set(bytes, offset);
    pending.missing -= bytes.length;
    this.finishIfComplete();
  }

  private finishIfComplete(): void {
    const pending = this.pending;
    if (!pending || pending.missing > 0 || pending.columns.length < pending.meta.fields.length) return;
    this.pending = null;
    this.onImage(pending.collection, { rows: pending.meta.rows, live: pending.live, columns: pending.columns });
  }
}
