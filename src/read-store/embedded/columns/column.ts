import { cloneDocument } from '../clone';
import { compareCodePoints } from '../compare';
import { ColumnImage } from '../../column-image';

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

const TIME_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DIGITS_PATTERN = /^[0-9]{1,20}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

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
  append(row: number, value: unknown, owned: boolean, compare: (a: unknown, b: unknown) => number): void {
    this.set(row, value, owned);
    if (!this.ascending) return;
    // An array sorts by one of its elements: the column no longer says the order.
    this.ascending = value !== undefined && typeof value !== 'object' && (row === 0 || compare(value, this.last) > 0);
    this.last = value;
  }

  /** Whether the row holds a string (and not an array of them, or anything else). */
  isString(row: number): boolean {
    const tag = this.tags[row]!;
    return tag === TEXT || tag === UUID || tag === TIME || tag >= DIGITS;
  }

  /** Whether the row's value may hold several values a filter tests one by one (an array). */
  isComposite(row: number): boolean {
    return this.tags[row] === VALUE;
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
    if (value.length === 24 && TIME_PATTERN.test(value)) {
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
    const b = this.uuids!;
    const o = row * 16;
    const h = (i: number) => HEX[b[o + i]!]!;
    return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
  }

  private uuidEquals(row: number, bytes: Uint8Array): boolean {
    const b = this.uuids!;
    const o = row * 16;
    for (let i = 0; i < 16; i++) if (b[o + i] !== bytes[i]) return false;
    return true;
  }
}

/** A canonical lowercase UUID (8-4-4-4-12 hex digits); a loop of char codes, several times faster than a regular expression here. */
function isUuid(value: string): boolean {
  if (value.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = value.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
    } else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
  }
  return true;
}

/** The milliseconds of a timestamp that `toISOString` would write back the same (years 1000–9999, every field in range), else null. */
function canonicalTime(value: string): number | null {
  const n = (from: number, to: number) => {
    let result = 0;
    for (let i = from; i < to; i++) result = result * 10 + value.charCodeAt(i) - 48;
    return result;
  };
  const year = n(0, 4);
  const month = n(5, 7);
  const day = n(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  const hours = n(11, 13);
  const minutes = n(14, 16);
  const seconds = n(17, 19);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, n(20, 23));
}

function packUuid(value: string): Uint8Array {
  const bytes = new Uint8Array(16);
  writeUuid(value, bytes, 0);
  return bytes;
}

function writeUuid(value: string, into: Uint8Array, offset: number): void {
  let j = offset;
  for (let i = 0; i < 36; i += 2) {
    if (value.charCodeAt(i) === 45) i++;
    into[j++] = (nibble(value.charCodeAt(i)) << 4) | nibble(value.charCodeAt(i + 1));
  }
}

/** A lowercase hex digit's value (the pattern checked it is one). */
function nibble(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

function resized<A extends Uint8Array | Float64Array>(array: A, length: number): A {
  if (array.length === length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(length);
  bigger.set(array);
  return bigger;
}
