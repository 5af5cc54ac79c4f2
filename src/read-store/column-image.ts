/**
 * A collection the embedded store holds as columns (src/read-store/embedded/columns), as plain
 * arrays: what the persistent store writes to a snapshot and hands back at a restore, instead of
 * one document per row.
 */

/** One field's rows: a tag byte each, and the typed arrays, dictionary and other values the tags point into. */
export interface ColumnImage {
  field: string;
  ascending: boolean;
  last: unknown;
  tags: Uint8Array;
  nums: Float64Array | null;
  uuids: Uint8Array | null;
  dictionary: string[];
  values: [number, unknown][];
}

/** Every row of a column collection as plain arrays (see Column.image). */
export interface CollectionImage {
  rows: number;
  live: Uint8Array;
  columns: ColumnImage[];
}
