import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { KeyStore, SubjectKey } from '../key-store/port';
import type { OpenedFields } from './opened-fields';

/**
 * Field-level encryption of personal data (ADR 0009). A personal string is stored as
 * `{ "$enc": "v1", kid, iv, ct, tag }`: AES-256-GCM under the data subject's key `kid`, a fresh
 * 12-byte nonce per field, and the field's path in the event as additional authenticated data
 * (a ciphertext cannot be moved to another field unnoticed).
 */
export interface EncryptedField {
  $enc: 'v1';
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

/** What a personal field reads as once its subject's keys were destroyed. */
export const ERASED = '[erased]';

export class FieldDecryptError extends Error {
  constructor(path: string, cause: unknown) {
    super(`personal field ${path} does not decrypt (tampered or wrong key): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'FieldDecryptError';
  }
}

export const isEncryptedField = (value: unknown): value is EncryptedField =>
  typeof value === 'object' && value !== null && (value as { $enc?: unknown }).$enc === 'v1';

/**
 * Nonces come from a pool the CSPRNG fills 4 KiB at a time (one call per 341 fields instead of
 * one per field); each is used once, as from `randomBytes(12)`.
 */
const NONCE_BYTES = 12;
const noncePool = Buffer.alloc(NONCE_BYTES * 341);
let nonceOffset = noncePool.length;

function freshNonce(): Buffer {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = Buffer.from(noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES));
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/** The additional data of each field path, built once per path (a few dozen paths exist). */
const aadByPath = new Map<string, Buffer>();

function aadOf(path: string): Buffer {
  let aad = aadByPath.get(path);
  if (!aad) {
    aad = Buffer.from(path);
    if (aadByPath.size < 10_000) aadByPath.set(path, aad);
  }
  return aad;
}

export function encryptString(plain: string, key: SubjectKey, path: string): EncryptedField {
  const iv = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(aadOf(path));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { $enc: 'v1', kid: key.kid, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function decryptString(field: EncryptedField, key: Buffer, path: string): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'));
    decipher.setAAD(aadOf(path));
    decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(field.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new FieldDecryptError(path, error);
  }
}

/**
 * A copy of `data` with the strings at `paths` (dot-separated, `*` for every array element)
 * encrypted; null, absent and non-string values are left as they are. Only the objects on the
 * way to an encrypted field are copied; the rest is shared with `data`, which is never changed.
 */
export function encryptPaths(data: Record<string, unknown>, paths: readonly string[], key: SubjectKey, opened?: OpenedFields): Record<string, unknown> {
  const edits: Edit[] = [];
  for (const path of paths) visit(data, partsOf(path), 0, [], edits, key, opened);
  return edits.length === 0 ? { ...data } : withReplaced(data, edits);
}

/** A field to set in the copy: where (property names and array indexes, from the root) and to what. */
interface Edit {
  trail: string[];
  value: unknown;
}

const partsByPath = new Map<string, string[]>();

function partsOf(path: string): string[] {
  let parts = partsByPath.get(path);
  if (!parts) {
    parts = path.split('.');
    if (partsByPath.size < 10_000) partsByPath.set(path, parts);
  }
  return parts;
}

function visit(node: unknown, parts: string[], i: number, trail: string[], edits: Edit[], key: SubjectKey, opened: OpenedFields | undefined): void {
  if (node === null || typeof node !== 'object' || i === parts.length) return;
  const head = parts[i];
  const container = node as Record<string, unknown>;
  const names = head === '*' ? (Array.isArray(node) ? node.map((_, index) => String(index)) : []) : [head];
  const last = i === parts.length - 1;
  for (const name of names) {
    const value = container[name];
    if (!last) visit(value, parts, i + 1, [...trail, name], edits, key, opened);
    else if (typeof value === 'string') {
      const at = [...trail, name];
      const path = at.join('.');
      const field = encryptString(value, key, path);
      opened?.remember(field, path, value);
      edits.push({ trail: at, value: field });
    }
  }
}

/** A copy of `root` with each edit applied: the objects and arrays on an edit's trail are copied once, the rest is shared. */
function withReplaced(root: Record<string, unknown>, edits: Edit[]): Record<string, unknown> {
  const copies = new Map<object, Record<string, unknown>>();
  const copyOf = (node: object): Record<string, unknown> => {
    let copy = copies.get(node);
    if (!copy) {
      copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string, unknown>;
      copies.set(node, copy);
    }
    return copy;
  };
  const result = copyOf(root);
  for (const { trail, value } of edits) {
    let original: Record<string, unknown> = root;
    let copy = result;
    for (let i = 0; i < trail.length - 1; i++) {
      original = original[trail[i]] as Record<string, unknown>;
      const next = copyOf(original);
      copy[trail[i]] = next;
      copy = next;
    }
    copy[trail[trail.length - 1]] = value;
  }
  return result;
}

/**
 * A copy of `data` with every encrypted field decrypted, or ERASED where its key was destroyed.
 * Plain data (events recorded before encryption, or without a data subject) comes back as is.
 * `opened` answers for fields encrypted or decrypted here before (once their key is known to exist).
 * As with encryption, only the objects on the way to an encrypted field are copied.
 */
export async function decryptAll(
  data: Record<string, unknown>,
  keys: Pick<KeyStore, 'keyById'>,
  opened?: OpenedFields,
): Promise<{ data: Record<string, unknown>; erased: boolean }> {
  const found: Found[] = [];
  collect(data, [], found);
  if (found.length === 0) return { data, erased: false };
  const byKid = new Map<string, Buffer | null>();
  for (const { field } of found) {
    if (!byKid.has(field.kid)) byKid.set(field.kid, (await keys.keyById(field.kid))?.key ?? null);
  }
  let erased = false;
  const edits: Edit[] = [];
  for (const { trail, field } of found) {
    const key = byKid.get(field.kid);
    if (!key) {
      erased = true;
      edits.push({ trail, value: ERASED });
      continue;
    }
    const path = trail.join('.');
    let plain = opened?.plaintextOf(field, path);
    if (plain === undefined) {
      plain = decryptString(field, key, path);
      opened?.remember(field, path, plain);
    }
    edits.push({ trail, value: plain });
  }
  return { data: withReplaced(data, edits), erased };
}

interface Found {
  trail: string[];
  field: EncryptedField;
}

function collect(node: unknown, trail: string[], found: Found[]): void {
  if (node === null || typeof node !== 'object') return;
  for (const name in node) {
    const value = (node as Record<string, unknown>)[name];
    if (isEncryptedField(value)) found.push({ trail: [...trail, name], field: value });
    else if (value !== null && typeof value === 'object') collect(value, [...trail, name], found);
  }
}
