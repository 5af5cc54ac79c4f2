import { EventData } from '../port';
import { crc32 } from './crc32';

/**
 * One log record per append: `[u32 payload length][u32 crc32 of payload][payload]`, little
 * endian, the payload being UTF-8 JSON. A whole append is one record, so it is all-or-nothing.
 */
export interface LogRecord {
  stream_id: string;
  /** Revision of the first event. */
  revision: number;
  /** Global sequence number of the first event. */
  sequence: number;
  recorded_at: string;
  events: EventData[];
}

/** Where a record sits in the log and which events it holds, without its payload. */
export interface RecordHead {
  stream_id: string;
  revision: number;
  sequence: number;
}

export const FILE_MAGIC = Buffer.from('JWESLOG1', 'ascii');
export const RECORD_HEADER_BYTES = 8;
/** Larger lengths can only come from a torn or corrupt header. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(record: LogRecord): Buffer {
  // Key order matters: readRecordHead reads stream_id, revision and sequence from the front.
  const payload = Buffer.from(JSON.stringify(record), 'utf8');
  if (payload.length > MAX_RECORD_BYTES) throw new RangeError(`An append of ${payload.length} bytes exceeds ${MAX_RECORD_BYTES}`);
  const bytes = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  bytes.writeUInt32LE(payload.length, 0);
  bytes.writeUInt32LE(crc32(payload), 4);
  payload.copy(bytes, RECORD_HEADER_BYTES);
  return bytes;
}

export type ScanResult =
  /** An intact record: its payload (checksum verified) and where the next record starts. */
  | { kind: 'record'; payload: Buffer; next: number }
  /** The buffer ends before the record does: read more, or at end of file a torn tail. */
  | { kind: 'incomplete' }
  | { kind: 'corrupt'; reason: string };

/** Checks the record at `offset` (length and checksum) without decoding its payload. */
export function scanRecordAt(buffer: Buffer, offset: number): ScanResult {
  if (buffer.length - offset < RECORD_HEADER_BYTES) return { kind: 'incomplete' };
  const length = buffer.readUInt32LE(offset);
  if (length === 0 || length > MAX_RECORD_BYTES) return { kind: 'corrupt', reason: `bad record length ${length}` };
  const end = offset + RECORD_HEADER_BYTES + length;
  if (end > buffer.length) return { kind: 'incomplete' };
  const payload = buffer.subarray(offset + RECORD_HEADER_BYTES, end);
  if (crc32(payload) !== buffer.readUInt32LE(offset + 4)) return { kind: 'corrupt', reason: 'checksum mismatch' };
  return { kind: 'record', payload, next: end };
}

/** The whole payload; null when it is not JSON. */
export function parsePayload(payload: Buffer): LogRecord | null {
  try {
    return JSON.parse(payload.toString('utf8')) as LogRecord;
  } catch {
    return null;
  }
}

const STREAM_ID = Buffer.from('{"stream_id":"', 'utf8');
const REVISION = Buffer.from(',"revision":', 'utf8');
const SEQUENCE = Buffer.from(',"sequence":', 'utf8');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * stream_id, revision and sequence from the front of a payload as encodeRecord writes it,
 * without parsing the events (opening a large log reads only these); null for any other shape.
 */
export function readRecordHead(payload: Buffer): RecordHead | null {
  if (!startsWith(payload, 0, STREAM_ID)) return null;
  let end = STREAM_ID.length;
  let escaped = false;
  for (; end < payload.length; end++) {
    const byte = payload[end];
    if (byte === QUOTE) break;
    if (byte === BACKSLASH) {
      escaped = true;
      end++;
    }
  }
  if (end >= payload.length) return null;
  const text = payload.toString('utf8', STREAM_ID.length - 1, end + 1);
  const stream_id = escaped ? (JSON.parse(text) as string) : text.slice(1, -1);
  const revision = readIntegerField(payload, end + 1, REVISION);
  if (!revision) return null;
  const sequence = readIntegerField(payload, revision.next, SEQUENCE);
  if (!sequence) return null;
  return { stream_id, revision: revision.value, sequence: sequence.value };
}

function readIntegerField(payload: Buffer, at: number, name: Buffer): { value: number; next: number } | null {
  if (!startsWith(payload, at, name)) return null;
  let value = 0;
  let i = at + name.length;
  const first = i;
  for (; i < payload.length && i - first < 16; i++) {
    const digit = payload[i]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return i === first ? null : { value, next: i };
}

/** A byte loop: for prefixes this short it beats Buffer.compare's native call (opening calls it three times per record). */
function startsWith(payload: Buffer, at: number, prefix: Buffer): boolean {
  if (payload.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (payload[at + i] !== prefix[i]) return false;
  return true;
}
