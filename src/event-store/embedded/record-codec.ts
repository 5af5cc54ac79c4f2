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

export const FILE_MAGIC = Buffer.from('JWESLOG1', 'ascii');
export const RECORD_HEADER_BYTES = 8;
/** Larger lengths can only come from a torn or corrupt header. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(record: LogRecord): Buffer {
  const payload = Buffer.from(JSON.stringify(record), 'utf8');
  if (payload.length > MAX_RECORD_BYTES) throw new RangeError(`An append of ${payload.length} bytes exceeds ${MAX_RECORD_BYTES}`);
  const bytes = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  bytes.writeUInt32LE(payload.length, 0);
  bytes.writeUInt32LE(crc32(payload), 4);
  payload.copy(bytes, RECORD_HEADER_BYTES);
  return bytes;
}

export type DecodeResult =
  | { kind: 'record'; record: LogRecord; next: number }
  /** The buffer ends before the record does: read more, or at end of file a torn tail. */
  | { kind: 'incomplete' }
  | { kind: 'corrupt'; reason: string };

export function decodeRecordAt(buffer: Buffer, offset: number): DecodeResult {
  if (buffer.length - offset < RECORD_HEADER_BYTES) return { kind: 'incomplete' };
  const length = buffer.readUInt32LE(offset);
  if (length === 0 || length > MAX_RECORD_BYTES) return { kind: 'corrupt', reason: `bad record length ${length}` };
  const end = offset + RECORD_HEADER_BYTES + length;
  if (end > buffer.length) return { kind: 'incomplete' };
  const payload = buffer.subarray(offset + RECORD_HEADER_BYTES, end);
  if (crc32(payload) !== buffer.readUInt32LE(offset + 4)) return { kind: 'corrupt', reason: 'checksum mismatch' };
  try {
    return { kind: 'record', record: JSON.parse(payload.toString('utf8')) as LogRecord, next: end };
  } catch {
    return { kind: 'corrupt', reason: 'payload is not JSON' };
  }
}
