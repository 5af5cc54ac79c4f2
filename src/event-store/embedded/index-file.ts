import { constants } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from './crc32';
import { EventIndex, SavedRecords } from './event-index';
import { LOG_FILE_NAME } from './log-file';
import { FILE_MAGIC, MAX_RECORD_BYTES, RECORD_HEADER_BYTES, scanRecordAt } from './record-codec';

export const INDEX_FILE_NAME = 'events.index';
/** Version 2 added the event types; a version-1 file is not read (the log is checked instead, once). */
const INDEX_MAGIC = Buffer.from('JWESIDX2', 'ascii');
/** magic, crc32 of the rest, covered end (f64), record count, the last record's header, names' length. */
const FIXED_BYTES = INDEX_MAGIC.length + 4 + 8 + 4 + RECORD_HEADER_BYTES + 4;

/**
 * The index of a cleanly closed log (ADR 0003), so that the next open reads it instead of
 * checking every record of the log: `events.index` beside `events.log`, written at close
 * (a temporary file renamed over the old one). Layout, little endian:
 *
 *     'JWESIDX2' | u32 crc32 of everything after it | f64 covered end of the log | u32 records R
 *     | the last record's 8-byte header | u32 n | n bytes: JSON { streams: ids, types: names }
 *     | u32[R] record lengths | u32[R] stream (position in `streams`) | u32[R] event counts
 *     | u32[E] each event's type (position in `types`, or 0xffffffff: not known), E = Σ counts
 *
 * Records lie end to end from the log's magic, so their offsets follow from their lengths. It
 * vouches only for the log it was written from: opening checks that the log still reaches the
 * covered end and that its last covered record has the header saved here and passes its
 * checksum, and then checks every record after the covered end as before. A read still checks
 * each record's checksum and its stream, revision and sequence against the index, so a log
 * changed behind the store's back fails loudly instead of answering wrong events.
 */
export async function saveIndex(dir: string, index: EventIndex, lastHeader: Buffer, coveredEnd: number): Promise<void> {
  const saved = index.saved();
  const names = Buffer.from(JSON.stringify({ streams: saved.streams, types: saved.types }), 'utf8');
  const records = saved.lengths.length;
  const bytes = Buffer.alloc(FIXED_BYTES + names.length + 12 * records + saved.eventTypes.byteLength);
  let at = INDEX_MAGIC.copy(bytes, 0) + 4;
  at = bytes.writeDoubleLE(coveredEnd, at);
  at = bytes.writeUInt32LE(records, at);
  at += lastHeader.copy(bytes, at, 0, RECORD_HEADER_BYTES);
  at = bytes.writeUInt32LE(names.length, at);
  at += names.copy(bytes, at);
  for (const column of [saved.lengths, saved.streamOrdinals, saved.counts, saved.eventTypes]) {
    Buffer.from(column.buffer, column.byteOffset, column.byteLength).copy(bytes, at);
    at += column.byteLength;
  }
  bytes.writeUInt32LE(crc32(bytes.subarray(INDEX_MAGIC.length + 4)), INDEX_MAGIC.length);
  const path = join(dir, INDEX_FILE_NAME);
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}

/**
 * The index saved for this log and where the log's unindexed records start; a fresh index and
 * the start of the log when there is none, or it is damaged or belongs to another log.
 */
export async function loadIndex(dir: string): Promise<{ index: EventIndex; from: number }> {
  const fresh = { index: new EventIndex(), from: FILE_MAGIC.length };
  const bytes = await readFile(join(dir, INDEX_FILE_NAME)).catch(() => null);
  const parsed = bytes && parse(bytes);
  if (!parsed || !(await endsWithCoveredRecord(dir, parsed.coveredEnd, parsed.lastHeader))) return fresh;
  try {
    return { index: EventIndex.fromSaved(parsed.records, FILE_MAGIC.length, parsed.coveredEnd), from: parsed.coveredEnd };
  } catch {
    return fresh;
  }
}

interface ParsedIndex {
  coveredEnd: number;
  lastHeader: Buffer;
  records: SavedRecords;
}

function parse(bytes: Buffer): ParsedIndex | null {
  if (bytes.length < FIXED_BYTES || !bytes.subarray(0, INDEX_MAGIC.length).equals(INDEX_MAGIC)) return null;
  if (crc32(bytes.subarray(INDEX_MAGIC.length + 4)) !== bytes.readUInt32LE(INDEX_MAGIC.length)) return null;
  let at = INDEX_MAGIC.length + 4;
  const coveredEnd = bytes.readDoubleLE(at);
  const records = bytes.readUInt32LE((at += 8));
  const lastHeader = Buffer.from(bytes.subarray((at += 4), (at += RECORD_HEADER_BYTES)));
  const namesLength = bytes.readUInt32LE(at);
  at += 4;
  if (bytes.length < at + namesLength + 12 * records) return null;
  let names: { streams?: unknown; types?: unknown };
  try {
    names = JSON.parse(bytes.toString('utf8', at, (at += namesLength))) as typeof names;
  } catch {
    return null;
  }
  const { streams, types } = names ?? {};
  if (!isStrings(streams) || !isStrings(types)) return null;
  // Copied out, so that each column is aligned for its Uint32Array.
  const column = (length: number) => new Uint32Array(Uint8Array.prototype.slice.call(bytes, at, (at += 4 * length)).buffer);
  const lengths = column(records);
  const streamOrdinals = column(records);
  const counts = column(records);
  const events = counts.reduce((sum, count) => sum + count, 0);
  if (bytes.length !== at + 4 * events) return null;
  return { coveredEnd, lastHeader, records: { streams, lengths, streamOrdinals, counts, types, eventTypes: column(events) } };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((name) => typeof name === 'string');
}

/**
 * Whether the log reaches `coveredEnd` and its last covered record starts with `header` and
 * passes its checksum (a damaged last record is then cut on open, as without an index).
 */
async function endsWithCoveredRecord(dir: string, coveredEnd: number, header: Buffer): Promise<boolean> {
  const handle = await open(join(dir, LOG_FILE_NAME), constants.O_RDONLY).catch(() => null);
  if (!handle) return false;
  try {
    const size = (await handle.stat()).size;
    const length = header.readUInt32LE(0);
    const offset = coveredEnd - RECORD_HEADER_BYTES - length;
    if (size < coveredEnd || offset < FILE_MAGIC.length || length > MAX_RECORD_BYTES) return false;
    const record = Buffer.alloc(RECORD_HEADER_BYTES + length);
    const { bytesRead } = await handle.read(record, 0, record.length, offset);
    return bytesRead === record.length && record.subarray(0, RECORD_HEADER_BYTES).equals(header) && scanRecordAt(record, 0).kind === 'record';
  } finally {
    await handle.close();
  }
}
