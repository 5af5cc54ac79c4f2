/**
 * Per-subject data keys for crypto-shredding (ADR 0009). A subject is the person personal data
 * is about (a user id). Destroying a subject's keys makes every field encrypted with them
 * unreadable for good: that is the erasure.
 */
export interface SubjectKey {
  kid: string;
  subject: string;
  /** 32 raw bytes (AES-256). */
  key: Buffer;
}

export interface KeyStore {
  /** The subject's current key, created on first use. */
  keyFor(subject: string): Promise<SubjectKey>;
  /** The key with this id; null when it was destroyed or never existed. */
  keyById(kid: string): Promise<SubjectKey | null>;
  /** Destroys every key of the subject; later keyById answers null for them. */
  destroySubject(subject: string): Promise<void>;
  close?(): Promise<void>;
}

export const KEY_BYTES = 32;
