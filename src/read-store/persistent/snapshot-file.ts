import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Doc } from '../port';
import { writeAtomically } from './atomic-file';

/** Bumped when the file layout or the meaning of its contents changes: an older file is ignored (full rebuild). */
export const SNAPSHOT_FORMAT = 'jobwise-read-models';
// 2: collections held as columns are written as their arrays (column-lines.ts).
export const SNAPSHOT_VERSION = 2;

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  created_at: string;
  /** The event store's head when the snapshot was taken; no checkpoint in it is further. */
  head: string;
  /** Id of the event store's first event: a snapshot of another log is never loaded. */
  first_event_id: string | null;
  /** Projection name → the collection it wrote, so a renamed read model is rebuilt, not restored. */
  projections: Record<string, string>;
}

export class SnapshotUnreadableError extends Error {
  constructor(reason: string) {
    super(`read-model snapshot unreadable: ${reason}`);
    this.name = 'SnapshotUnreadableError';
  }
}

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from([NEWLINE]);

interface Trailer {
  end?: boolean;
  documents?: number;
  sha256?: string;
}

/**
 * One JSON value per line: the header, then an array per entry (`[collection, document]` for a
 * document; other entries, such as a collection's columns, start with a `$` name), then a
 * trailer with the entry count and the SHA-256 of every byte before it. Written atomically.
 */
export async function writeSnapshotFile(path: string, header: SnapshotHeader, documents: AsyncIterable<unknown[]>): Promise<number> {
  let count = 0;
  await writeAtomically(path, async (file) => {
    const hash = createHash('sha256');
    let chunk = '';
    const flush = async () => {
      if (chunk === '') return;
      const bytes = Buffer.from(chunk, 'utf8');
      hash.update(bytes);
      await file.write(bytes);
      chunk = '';
    };
    chunk += `${JSON.stringify(header)}\n`;
    for await (const entry of documents) {
      chunk += `${JSON.stringify(entry)}\n`;
      count++;
      if (chunk.length >= CHUNK_BYTES) await flush();
    }
    await flush();
    await file.write(`${JSON.stringify({ end: true, documents: count, sha256: hash.digest('hex') })}\n`);
  });
  return count;
}

/**
 * Reads a snapshot, handing each document to `onDocument` as it goes, and every other entry to
 * `onEntry`, which says whether it took it. Throws SnapshotUnreadableError when the file is cut
 * short, altered, or of another format or version (or `onEntry` throws); by then some entries may
 * have been handed over, so the caller must discard them.
 */
export async function readSnapshotFile(
  path: string,
  onHeader: (header: SnapshotHeader) => void,
  onDocument: (collection: string, doc: Doc) => void,
  onEntry: (entry: unknown[]) => boolean = () => false,
): Promise<number> {
  const hash = createHash('sha256');
  let header: SnapshotHeader | null = null;
  let count = 0;
  let trailer = null as Trailer | null;
  /** One line; true for the trailer, which is the one line not covered by the checksum. */
  const take = (line: string): boolean => {
    if (trailer) throw new SnapshotUnreadableError('data after the trailer');
    const value = parseLine(line);
    if (!header) {
      header = asHeader(value);
      onHeader(header);
    } else if (Array.isArray(value)) {
      if (claimed(onEntry, value)) {
        count++;
        return false;
      }
      const [collection, doc] = value as [unknown, unknown];
      if (typeof collection !== 'string' || typeof doc !== 'object' || doc === null || typeof (doc as Doc)._id !== 'string') throw new SnapshotUnreadableError('malformed document line');
      onDocument(collection, doc as Doc);
      count++;
    } else {
      trailer = value as Trailer;
      return true;
    }
    return false;
  };
  // Whole chunks, split at newline bytes and hashed as bytes: several times faster than readline
  // plus hashing each line again as a string (a 150 MB snapshot at 300k events). A line longer
  // than a chunk (a large document) is gathered in pieces and joined once.
  const file = await open(path, 'r');
  try {
    let pieces: Buffer[] = [];
    /** A whole line that was gathered in pieces: read, and hashed unless it is the trailer. */
    const takeJoined = (line: Buffer) => {
      if (!take(line.toString('utf8'))) hash.update(line).update(NEWLINE_BYTE);
    };
    // One buffer for every read (lines are copied out as strings; pieces of a long line are copied).
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES * 4);
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      const buffer = chunk.subarray(0, bytesRead);
      let start = 0;
      if (pieces.length > 0) {
        const newline = buffer.indexOf(NEWLINE);
        if (newline === -1) {
          pieces.push(Buffer.from(buffer));
          continue;
        }
        takeJoined(Buffer.concat([...pieces, buffer.subarray(0, newline)]));
        pieces = [];
        start = newline + 1;
      }
      const from = start;
      let hashed = start;
      for (let newline = buffer.indexOf(NEWLINE, start); newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
        if (!take(buffer.toString('utf8', start, newline))) hashed = newline + 1;
        start = newline + 1;
      }
      hash.update(buffer.subarray(from, hashed));
      if (start < buffer.length) pieces = [Buffer.from(buffer.subarray(start))];
    }
    // A last line without its newline (a cut file): read it as readline would; the checks below refuse the file.
    if (pieces.length > 0) takeJoined(Buffer.concat(pieces));
  } finally {
    await file.close();
  }
  if (!header) throw new SnapshotUnreadableError('empty file');
  if (!trailer?.end) throw new SnapshotUnreadableError('no trailer (cut short)');
  if (trailer.documents !== count) throw new SnapshotUnreadableError(`trailer counts ${trailer.documents} documents, file holds ${count}`);
  if (trailer.sha256 !== hash.digest('hex')) throw new SnapshotUnreadableError('checksum mismatch');
  return count;
}

function claimed(onEntry: (entry: unknown[]) => boolean, entry: unknown[]): boolean {
  try {
    return onEntry(entry);
  } catch (error) {
    throw new SnapshotUnreadableError((error as Error).message);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new SnapshotUnreadableError('a line is not JSON');
  }
}

function asHeader(value: unknown): SnapshotHeader {
  const header = value as Partial<SnapshotHeader> | null;
  if (header?.format !== SNAPSHOT_FORMAT) throw new SnapshotUnreadableError('not a read-model snapshot');
  if (header.version !== SNAPSHOT_VERSION) throw new SnapshotUnreadableError(`version ${String(header.version)}, expected ${SNAPSHOT_VERSION}`);
  if (typeof header.head !== 'string' || typeof header.projections !== 'object' || header.projections === null) throw new SnapshotUnreadableError('malformed header');
  return header as SnapshotHeader;
}
