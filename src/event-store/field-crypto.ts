import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyStore, SubjectKey } from '../key-store/port';

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

export function encryptString(plain: string, key: SubjectKey, path: string): EncryptedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(path));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { $enc: 'v1', kid: key.kid, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function decryptString(field: EncryptedField, key: Buffer, path: string): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'));
    decipher.setAAD(Buffer.from(path));
    decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(field.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new FieldDecryptError(path, error);
  }
}

/**
 * A copy of `data` with the strings at `paths` (dot-separated, `*` for every array element)
 * encrypted; null, absent and non-string values are left as they are.
 */
export function encryptPaths(data: Record<string, unknown>, paths: readonly string[], key: SubjectKey): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of paths) visit(copy, path.split('.'), [], key);
  return copy;
}

function visit(node: unknown, rest: string[], at: string[], key: SubjectKey): void {
  if (node === null || typeof node !== 'object' || rest.length === 0) return;
  const [head, ...tail] = rest;
  const container = node as Record<string, unknown>;
  const names = head === '*' ? (Array.isArray(node) ? node.map((_, i) => String(i)) : []) : [head];
  for (const name of names) {
    const value = container[name];
    if (tail.length > 0) visit(value, tail, [...at, name], key);
    else if (typeof value === 'string') container[name] = encryptString(value, key, [...at, name].join('.'));
  }
}

/**
 * A copy of `data` with every encrypted field decrypted, or ERASED where its key was destroyed.
 * Plain data (events recorded before encryption, or without a data subject) comes back as is.
 */
export async function decryptAll(data: Record<string, unknown>, keys: Pick<KeyStore, 'keyById'>): Promise<{ data: Record<string, unknown>; erased: boolean }> {
  const found: { parent: Record<string, unknown>; name: string; field: EncryptedField; path: string }[] = [];
  collect(data, [], found);
  if (found.length === 0) return { data, erased: false };
  const copy = structuredClone(data);
  found.length = 0;
  collect(copy, [], found);
  const byKid = new Map<string, Buffer | null>();
  for (const { field } of found) {
    if (!byKid.has(field.kid)) byKid.set(field.kid, (await keys.keyById(field.kid))?.key ?? null);
  }
  let erased = false;
  for (const { parent, name, field, path } of found) {
    const key = byKid.get(field.kid);
    if (!key) erased = true;
    parent[name] = key ? decryptString(field, key, path) : ERASED;
  }
  return { data: copy, erased };
}

function collect(node: unknown, at: string[], found: { parent: Record<string, unknown>; name: string; field: EncryptedField; path: string }[]): void {
  if (node === null || typeof node !== 'object') return;
  for (const [name, value] of Object.entries(node)) {
    if (isEncryptedField(value)) found.push({ parent: node as Record<string, unknown>, name, field: value, path: [...at, name].join('.') });
    else collect(value, [...at, name], found);
  }
}
