import { createHash, randomBytes } from 'node:crypto';

/**
 * A share link's token: 256 random bits, base64url (43 characters). Only its SHA-256 is stored,
 * so neither the event log nor the read model can give a working link away. A plain hash is
 * enough here (unlike a password): the token has full entropy, nothing to guess.
 */
export function newShareToken(): { token: string; token_hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, token_hash: hashShareToken(token) };
}

export const hashShareToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
