/**
 * MongoDB's comparison order for the value types JSON documents hold (plus Date):
 * null/missing < numbers < strings < objects < arrays < booleans < dates.
 * Strings compare by code point, which is MongoDB's binary (UTF-8) order.
 */

const TYPE_RANK = { null: 1, number: 2, string: 3, object: 4, array: 5, boolean: 8, date: 9, regexp: 11 };

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return TYPE_RANK.null;
  if (typeof value === 'number' || typeof value === 'bigint') return TYPE_RANK.number;
  if (typeof value === 'string') return TYPE_RANK.string;
  if (typeof value === 'boolean') return TYPE_RANK.boolean;
  if (Array.isArray(value)) return TYPE_RANK.array;
  if (value instanceof Date) return TYPE_RANK.date;
  if (value instanceof RegExp) return TYPE_RANK.regexp;
  return TYPE_RANK.object;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case TYPE_RANK.null:
      return 0;
    case TYPE_RANK.number:
      return compareNumbers(Number(a), Number(b));
    case TYPE_RANK.string:
      return compareCodePoints(a as string, b as string);
    case TYPE_RANK.boolean:
      return Number(a) - Number(b);
    case TYPE_RANK.date:
      return (a as Date).getTime() - (b as Date).getTime();
    case TYPE_RANK.array:
      return compareArrays(a as unknown[], b as unknown[]);
    case TYPE_RANK.regexp:
      return compareCodePoints(String(a), String(b));
    default:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
  }
}

/** NaN sorts below every other number, as in MongoDB. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(!Number.isNaN(a)) - Number(!Number.isNaN(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from code point order only when a surrogate meets U+E000..U+FFFF.
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Objects compare field by field in stored order: value type, then name, then value. */
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const entriesA = Object.entries(a);
  const entriesB = Object.entries(b);
  const length = Math.min(entriesA.length, entriesB.length);
  for (let i = 0; i < length; i++) {
    const [keyA, valueA] = entriesA[i]!;
    const [keyB, valueB] = entriesB[i]!;
    const order = typeRank(valueA) - typeRank(valueB) || compareCodePoints(keyA, keyB) || compareValues(valueA, valueB);
    if (order !== 0) return order;
  }
  return entriesA.length - entriesB.length;
}
