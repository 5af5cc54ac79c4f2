const EMPTY = -1;
const GONE = -2;

/**
 * `_id` → row for a column collection: an open-addressing table of row numbers and their ids'
 * hashes (8 bytes a slot, half full at most) that compares against the `_id` column itself
 * when the hashes agree, rather than a Map that would hold every id a second time as a string.
 */
export class RowIds {
  private slots = new Int32Array(1024).fill(EMPTY);
  private hashes = new Int32Array(1024);
  /** Slots not EMPTY (rows and GONE markers). */
  private taken = 0;

  constructor(private readonly idOf: (row: number) => string) {}

  find(id: string): number {
    const mask = this.slots.length - 1;
    const h = hash(id);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot]!;
      if (row === EMPTY) return -1;
      if (row !== GONE && this.hashes[slot] === h && this.idOf(row) === id) return row;
    }
  }

  /** For an id not in the table. */
  add(id: string, row: number): void {
    if ((this.taken + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    const h = hash(id);
    let slot = h & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    if (this.slots[slot] === EMPTY) this.taken++;
    this.slots[slot] = row;
    this.hashes[slot] = h;
  }

  remove(id: string): void {
    const mask = this.slots.length - 1;
    const h = hash(id);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot]!;
      if (row === EMPTY) return;
      if (row !== GONE && this.hashes[slot] === h && this.idOf(row) === id) {
        this.slots[slot] = GONE;
        return;
      }
    }
  }

  /** Into a table a quarter full of rows (GONE markers are dropped). */
  private rehash(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    let rows = 1;
    for (const row of old) if (row >= 0) rows++;
    let size = 1024;
    while (size < rows * 4) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.hashes = new Int32Array(size);
    this.taken = 0;
    const mask = size - 1;
    for (let i = 0; i < old.length; i++) {
      const row = old[i]!;
      if (row < 0) continue;
      let slot = oldHashes[i]! & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = row;
      this.hashes[slot] = oldHashes[i]!;
      this.taken++;
    }
  }
}

/** FNV-1a over the UTF-16 units. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}
