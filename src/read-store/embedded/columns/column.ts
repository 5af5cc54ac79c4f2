import { cloneDocument } from '../clone';
import { compareCodePoints, compareValues } from '../compare';
import { ColumnImage } from '../../column-image';
import { canonicalTime, isUuid, packUuid, uuidText, writeUuid } from './text-codes';

/**
 * One field of a column collection: a tag byte per row says what the row holds, and the value
 * sits in a typed array when it can (numbers, canonical timestamps, digit strings, lowercase
 * UUIDs, other strings as a code into the column's dictionary), else as a JS value. A decoded
 * value is always the one stored: strings come back character for character.
 */
const MISSING = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const NUMBER = 4;
/** A string held by its code in the dictionary (in `nums`). */
const TEXT = 5;
/** A canonical lowercase UUID, 16 bytes in `uuids`. */
const UUID = 6;
/** A timestamp exactly as `Date.prototype.toISOString` writes it, its milliseconds in `nums`. */
const TIME = 7;
/** Anything else (objects, arrays, dates), a private copy in `values`. */
const VALUE = 8;
/** DIGITS + n: a string of n decimal digits (n ≤ 20) whose value is a safe integer, in `nums`. */
const DIGITS = 32;

const DIGITS_PATTERN = /^[0-9]{1,20}$/;

export class Column {
  tags: Uint8Array;
  private nums: Float64Array | null = null;
  private uuids: Uint8Array | null = null;
  private values: unknown[] | null = null;
  private readonly dictionary: string[] = [];
  private readonly codes = new Map<string, number>();
  /** Every row appended so far held a value greater than the row before (MongoDB order): the column is its own sorted index. */
  ascending: boolean;
  private last: unknown = undefined;

  constructor(
    private capacity: number,
    appended: number,
  ) {
    this.tags = new Uint8Array(capacity);
    this.ascending = appended === 0;
  }

  /** A copy of the first `rows` rows, to be written while the column goes on changing (a snapshot). */
  image(field: string, rows: number): ColumnImage {
    const values: [number, unknown][] = [];
    if (this.values) for (let row = 0; row < rows; row++) if (this.tags[row] === VALUE) values.push([row, this.values[row]]);
    return {
      field,
      ascending: this.ascending,
      last: this.last,
      tags: this.tags.slice(0, rows),
      nums: this.nums ? this.nums.slice(0, rows) : null,
      uuids: this.uuids ? this.uuids.slice(0, rows * 16) : null,
      dictionary: this.dictionary.slice(),
      values,
    };
  }

  /** A column of `capacity` rows holding an image's (whose arrays nobody else holds). */
  static fromImage(image: ColumnImage, capacity: number): Column {
    const rows = image.tags.length;
    if ((image.nums && image.nums.length !== rows) || (image.uuids && image.uuids.length !== rows * 16)) throw new Error(`column ${image.field}: arrays of different lengths`);
    const column = new Column(capacity, 0);
    column.tags = resized(image.tags, capacity);
    column.nums = image.nums && resized(image.nums, capacity);
    column.uuids = image.uuids && resized(image.uuids, capacity * 16);
    for (const [row, value] of image.values) (column.values ??= [])[row] = value;
    image.dictionary.forEach((text, code) => {
      column.dictionary.push(text);
      column.codes.set(text, code);
    });
    column.ascending = image.ascending;
    column.last = image.last;
    return column;
  }

  grow(capacity: number): void {
    this.tags = resized(this.tags, capacity);
    if (this.nums) this.nums = resized(this.nums, capacity);
    if (this.uuids) this.uuids = resized(this.uuids, capacity * 16);
    this.capacity = capacity;
  }

  /** The row's value; undefined when missing. Objects and arrays are the stored ones: copy them before handing them out. */
  get(row: number): unknown {
    const tag = this.tags[row]!;
    switch (tag) {
      case MISSING:
        return undefined;
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return this.nums![row];
      case TEXT:
        return this.dictionary[this.nums![row]!];
      case UUID:
        return this.uuidAt(row);
      case TIME:
        return new Date(this.nums![row]!).toISOString();
      case VALUE:
        return this.values![row];
      default:
        return String(this.nums![row]).padStart(tag - DIGITS, '0');
    }
  }

  /** Stores `value` (undefined: missing) at `row`; objects are copied unless `owned` (nobody else holds them). */
  set(row: number, value: unknown, owned = false): void {
    if (this.values && this.tags[row] === VALUE) this.values[row] = undefined;
    if (value === undefined) this.tags[row] = MISSING;
    else if (value === null) this.tags[row] = NULL;
    else if (typeof value === 'boolean') this.tags[row] = value ? TRUE : FALSE;
    else if (typeof value === 'number') this.putNumber(row, NUMBER, value);
    else if (typeof value === 'string') this.setString(row, value);
    else {
      this.values ??= [];
      this.values[row] = owned ? value : cloneDocument(value);
      this.tags[row] = VALUE;
    }
  }

  /** `set` for a new last row, keeping `ascending` up to date. */
  append(row: number, value: unknown, owned: boolean): void {
    this.set(row, value, owned);
    if (!this.ascending) return;
    // An array sorts by one of its elements: the column no longer says the order.
    this.ascending = value !== undefined && typeof value !== 'object' && (row === 0 || compareValues(value, this.last) > 0);
    this.last = value;
  }

  /** Whether the row holds a string (and not an array of them, or anything else). */
  isString(row: number): boolean {
    const tag = this.tags[row]!;
    return tag === TEXT || tag === UUID || tag === TIME || tag >= DIGITS;
  }

  /**
   * A test that says true of every row whose value equals `value` (a string, number, boolean or
   * null; null also matches a missing value) and false of rows it can rule out; rows holding an
   * object or array answer true (the caller's full filter decides them).
   */
  equalTo(value: string | number | boolean | null): (row: number) => boolean {
    const tags = this.tags;
    if (value === null) return (row) => tags[row] === NULL || tags[row] === MISSING || tags[row] === VALUE;
    if (typeof value === 'boolean') {
      const tag = value ? TRUE : FALSE;
      return (row) => tags[row] === tag || tags[row] === VALUE;
    }
    const encoded = this.encodeString(value);
    if (encoded === null) return (row) => tags[row] === VALUE;
    const { tag, num } = encoded;
    if (tag === UUID) {
      const bytes = packUuid(value as string);
      return (row) => (tags[row] === UUID && this.uuidEquals(row, bytes)) || tags[row] === VALUE;
    }
    if (Number.isNaN(num)) return (row) => tags[row] === NUMBER || tags[row] === VALUE;
    return (row) => (tags[row] === tag && this.nums![row] === num) || tags[row] === VALUE;
  }

  /**
   * A test that says true of every row whose value is in `op`'s range of `bound` (a string or a
   * number: a range compares values of its own type only) and false of rows it can rule out;
   * rows holding an object or array answer true.
   */
  inRange(op: '$gt' | '$gte' | '$lt' | '$lte', bound: string | number): (row: number) => boolean {
    const tags = this.tags;
    const holds = op === '$gt' ? (order: number) => order > 0 : op === '$gte' ? (order: number) => order >= 0 : op === '$lt' ? (order: number) => order < 0 : (order: number) => order <= 0;
    if (typeof bound === 'number') {
      if (Number.isNaN(bound)) return () => true;
      // A stored NaN is left to the full filter (it meets some bounds: see filter.ts).
      return (row) => (tags[row] === NUMBER && (Number.isNaN(this.nums![row]) || holds(this.nums![row]! - bound))) || tags[row] === VALUE;
    }
    // Digit strings of the bound's length, and canonical timestamps, order as their numbers do.
    const encoded = this.encodeString(bound);
    const fastTag = encoded && (encoded.tag === TIME || encoded.tag >= DIGITS) ? encoded.tag : -1;
    const fastNum = encoded?.num ?? 0;
    return (row) => {
      const tag = tags[row]!;
      if (tag === fastTag) return holds(this.nums![row]! - fastNum);
      if (tag === VALUE) return true;
      return this.isString(row) && holds(compareCodePoints(this.get(row) as string, bound));
    };
  }

  private setString(row: number, value: string): void {
    if (isUuid(value)) {
      this.uuids ??= new Uint8Array(this.capacity * 16);
      writeUuid(value, this.uuids, row * 16);
      this.tags[row] = UUID;
      return;
    }
    const encoded = this.encodeString(value, true)!;
    this.putNumber(row, encoded.tag, encoded.num);
  }

  /** How a string (or a number) is held, without the UUID's bytes; null for a string not in the dictionary unless `add`. */
  private encodeString(value: string | number, add = false): { tag: number; num: number } | null {
    if (typeof value === 'number') return { tag: NUMBER, num: value };
    if (isUuid(value)) return { tag: UUID, num: 0 };
    if (value.length === 24) {
      const time = canonicalTime(value);
      if (time !== null) return { tag: TIME, num: time };
    }
    if (value.length <= 20 && DIGITS_PATTERN.test(value)) {
      const digits = Number(value);
      if (Number.isSafeInteger(digits)) return { tag: DIGITS + value.length, num: digits };
    }
    let code = this.codes.get(value);
    if (code === undefined) {
      if (!add) return null;
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.codes.set(value, code);
    }
    return { tag: TEXT, num: code };
  }

  private putNumber(row: number, tag: number, num: number): void {
    this.nums ??= new Float64Array(this.capacity);
    this.nums[row] = num;
    this.tags[row] = tag;
  }

  private uuidAt(row: number): string {
    return uuidText(this.uuids!, row * 16);
  }

  private uuidEquals(row: number, bytes: Uint8Array): boolean {
    const b = this.uuids!;
    const o = row * 16;
    for (let i = 0; i < 16; i++) if (b[o + i] !== bytes[i]) return false;
    return true;
  }
}

function resized<A extends Uint8Array | Float64Array>(array: A, length: number): A {
  if (array.length === length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(length);
  bigger.set(array);
  return bigger;
}
