import { constants } from 'node:fs';
import { FileHandle, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MAGIC, LogRecord, parsePayload, RECORD_HEADER_BYTES, scanRecordAt } from './record-codec';

export const LOG_FILE_NAME = 'events.log';
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/** What opening the log had to repair: the bytes after the last intact record (a crash mid-write). */
export interface Recovery {
  truncated_bytes: number;
  reason: string | null;
  /** The cut bytes are kept here for inspection instead of being destroyed. */
  quarantine_file: string | null;
}

/**
 * Called with each intact record (checksum verified) in order: its payload and where the record
 * (header included) starts in the file. Returns why the payload is unusable (the log is cut
 * there, like a torn tail), or null.
 */
export type RecordVisitor = (payload: Buffer, offset: number) => string | null;

/** The append-only log file: scanned on open, then appended to with write + fdatasync and read at offsets. */
export class LogFile {
  private constructor(
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** Opens or creates the log, hands every intact record to `onRecord` in order, and cuts a torn tail. */
  static open(dir: string, onRecord: (record: LogRecord) => void): Promise<{ log: LogFile; recovery: Recovery }> {
    return LogFile.scan(dir, (payload) => {
      const record = parsePayload(payload);
      if (!record) return 'payload is not JSON';
      onRecord(record);
      return null;
    });
  }

  /**
   * Like open, but hands over the raw payloads: the caller decides how much of each to decode.
   * `from`: where the records not yet known to the caller start (a saved index covers those before).
   */
  static async scan(dir: string, visit: RecordVisitor, from = FILE_MAGIC.length): Promise<{ log: LogFile; recovery: Recovery }> {
    const path = join(dir, LOG_FILE_NAME);
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      let size = (await handle.stat()).size;
      if (size < FILE_MAGIC.length) size = await writeMagic(handle, path, size);
      else await checkMagic(handle, path);
      await syncDirectory(dir);

      if (from < FILE_MAGIC.length || from > size) throw new Error(`The event log ends at byte ${size}, before ${from}, where its unindexed records start`);
      const { valid_end, reason } = await replay(handle, size, visit, from);
      const recovery: Recovery = { truncated_bytes: size - valid_end, reason, quarantine_file: null };
      if (valid_end < size) {
        recovery.quarantine_file = await quarantine(handle, dir, valid_end, size);
        await handle.truncate(valid_end);
        await handle.sync();
      }
      return { log: new LogFile(handle, valid_end), recovery };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Resolves once `bytes` are on stable storage. After a rejection the file state is unknown. */
  async append(bytes: Buffer): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, this.size + written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.size += bytes.length;
  }

  /** Bytes `[offset, offset + length)` of the log, which must already be written. */
  async read(offset: number, length: number): Promise<Buffer> {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(bytes, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error(`The event log ends at ${offset + done}, before ${offset + length}`);
      done += bytesRead;
    }
    return bytes;
  }

  /** Where the next append goes. */
  get end(): number {
    return this.size;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function writeMagic(handle: FileHandle, path: string, size: number): Promise<number> {
  const head = Buffer.alloc(size);
  await handle.read(head, 0, size, 0);
  if (!FILE_MAGIC.subarray(0, size).equals(head)) throw new Error(`${path} is not a JobWise event log`);
  await handle.truncate(0);
  await handle.write(FILE_MAGIC, 0, FILE_MAGIC.length, 0);
  await handle.sync();
  return FILE_MAGIC.length;
}

async function checkMagic(handle: FileHandle, path: string): Promise<void> {
  const head = Buffer.alloc(FILE_MAGIC.length);
  await handle.read(head, 0, head.length, 0);
  if (!head.equals(FILE_MAGIC)) throw new Error(`${path} is not a JobWise event log (bad file header)`);
}

/** Makes the log file's directory entry durable (needed once, after the file may have been created). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function replay(
  handle: FileHandle,
  size: number,
  visit: RecordVisitor,
  from: number,
): Promise<{ valid_end: number; reason: string | null }> {
  let buffer = Buffer.alloc(0);
  let bufferStart = from;
  let cursor = 0;
  for (;;) {
    const result = scanRecordAt(buffer, cursor);
    const valid_end = bufferStart + cursor;
    if (result.kind === 'record') {
      const unusable = visit(result.payload, valid_end);
      if (unusable !== null) return { valid_end, reason: unusable };
      cursor = result.next;
      continue;
    }
    if (result.kind === 'corrupt') return { valid_end, reason: result.reason };
    const readFrom = bufferStart + buffer.length;
    if (readFrom >= size) return { valid_end, reason: valid_end < size ? 'incomplete record at end of file' : null };

    const needed = buffer.length - cursor >= RECORD_HEADER_BYTES ? RECORD_HEADER_BYTES + buffer.readUInt32LE(cursor) : 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(READ_CHUNK_BYTES, needed), size - readFrom));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, readFrom);
    if (bytesRead === 0) return { valid_end, reason: 'incomplete record at end of file' };
    buffer = Buffer.concat([buffer.subarray(cursor), chunk.subarray(0, bytesRead)]);
    bufferStart = valid_end;
    cursor = 0;
  }
}

async function quarantine(handle: FileHandle, dir: string, from: number, to: number): Promise<string> {
  const tail = Buffer.alloc(to - from);
  await handle.read(tail, 0, tail.length, from);
  const path = join(dir, `${LOG_FILE_NAME}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}-at-${from}`);
  await writeFile(path, tail, { flush: true });
  return path;
}
