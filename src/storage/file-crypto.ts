import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KeyStore, SubjectKey } from '../key-store/port';
import { FileDecryptError, pathKey, StoredFilePath } from './port';

/**
 * The at-rest format of a stored file (ADR 0009, "Stored files"), the same for every adapter:
 *
 *     "JWF" | version 0x01 | kid length (1 byte) | kid (ASCII) | nonce (12 bytes) | check (4 bytes)
 *     | ciphertext | tag (16 bytes)
 *
 * AES-256-GCM under the owner's key `kid`, a fresh nonce per write. The additional authenticated
 * data is the header followed by the path `user_id/document_type/document_id/name`, so the header
 * cannot be edited and a file copied to another path (another user's, another document's) does
 * not decrypt. `check` (the first 4 bytes of the SHA-256 of the header before it) lets a damaged
 * key id be told from a destroyed key, which the tag cannot do once the key is gone.
 */
const MAGIC = Buffer.from('JWF', 'ascii');
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_BYTES = 4;

export function sealFile(bytes: Buffer, key: SubjectKey, path: StoredFilePath): Buffer {
  const kid = Buffer.from(key.kid, 'ascii');
  if (kid.length === 0 || kid.length > 255) throw new Error(`key id of ${kid.length} bytes does not fit the file header`);
  const nonce = randomBytes(NONCE_BYTES);
  const unchecked = Buffer.concat([MAGIC, Buffer.from([VERSION, kid.length]), kid, nonce]);
  const header = Buffer.concat([unchecked, checkOf(unchecked)]);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
  cipher.setAAD(additionalData(header, path));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([header, ciphertext, cipher.getAuthTag()]);
}

/** The plain bytes; null when the owner's key was destroyed (the file is erased). */
export async function openFile(sealed: Buffer, path: StoredFilePath, keys: Pick<KeyStore, 'keyById'>): Promise<Buffer | null> {
  const where = pathKey(path);
  const fail = (reason: string) => new FileDecryptError(where, reason);
  if (sealed.length < MAGIC.length + 2 || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw fail('not a JobWise stored file');
  if (sealed[MAGIC.length] !== VERSION) throw fail(`unknown format version ${sealed[MAGIC.length]}`);
  const kidLength = sealed[MAGIC.length + 1]!;
  const headerLength = MAGIC.length + 2 + kidLength + NONCE_BYTES + CHECK_BYTES;
  if (sealed.length < headerLength + TAG_BYTES) throw fail('truncated');
  const header = sealed.subarray(0, headerLength);
  const unchecked = header.subarray(0, headerLength - CHECK_BYTES);
  if (!checkOf(unchecked).equals(header.subarray(headerLength - CHECK_BYTES))) throw fail('damaged header');
  const kid = header.subarray(MAGIC.length + 2, MAGIC.length + 2 + kidLength).toString('ascii');
  const nonce = unchecked.subarray(unchecked.length - NONCE_BYTES);

  const key = await keys.keyById(kid);
  if (!key) return null;
  if (key.subject !== path.user_id) throw fail('encrypted for another owner');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, nonce);
    decipher.setAAD(additionalData(header, path));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(headerLength, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw fail(`authentication failed (tampered or moved): ${error instanceof Error ? error.message : String(error)}`);
  }
}

const checkOf = (unchecked: Buffer): Buffer => createHash('sha256').update(unchecked).digest().subarray(0, CHECK_BYTES);

const additionalData = (header: Buffer, path: StoredFilePath): Buffer => Buffer.concat([header, Buffer.from(pathKey(path), 'utf8')]);
