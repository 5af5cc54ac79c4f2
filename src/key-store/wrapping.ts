import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A data key encrypted (wrapped) by the master key with AES-256-GCM; base64 fields. */
export interface WrappedKey {
  iv: string;
  ct: string;
  tag: string;
}

/** The kid and subject are authenticated with the key, so a wrapped key cannot be moved to another id. */
export function wrapKey(master: Buffer, key: Buffer, kid: string, subject: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(`${kid}|${subject}`));
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function unwrapKey(master: Buffer, wrapped: WrappedKey, kid: string, subject: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(`${kid}|${subject}`));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
}
