import * as zlib from 'node:zlib';

/**
 * CRC-32 (IEEE 802.3, as zip and zlib use). node:zlib has it natively from Node 20.15 (about
 * four times faster, which matters when opening checks every record); before that, table-driven.
 */
const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32(bytes: Uint8Array): number {
  if (native) return native(bytes);
  return crc32Portable(bytes);
}

export function crc32Portable(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
