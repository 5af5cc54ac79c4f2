import { createHash } from 'node:crypto';

/** A name-based (version 5, SHA-1) UUID: the same name in the same namespace gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespaces of JobWise's derived ids. Never change them: stored stream names depend on them. */
export const ID_NAMESPACES = {
  email: '5f1d0c8e-3b7a-4c1e-9a57-0d6c2f3e8b41',
  static_job: 'a3c9e2f4-6d81-4b0f-8e2a-7c5d1f9b3e60',
  /** A document's id from the generation that created it (and the document type). */
  document: '0b7e4f52-91c3-4d6a-b8e5-3f2a6c1d9e07',
  /** The slot that holds a user's one live document per job and type. */
  document_slot: 'c4d8a1e6-2f75-4b93-9e0c-58b7d3a2f614',
  /** An operator using the admin CLI (`operator:<login>`), as the id their reads are recorded under. */
  operator: '7e2b9c41-5a8d-4f36-b1e0-9d4c3a6f2e85',
  /** A notification's id from the integration event that raised it (and its kind). */
  notification: 'a91f3d27-6c4e-4b58-8d02-e7f5b1c9a364',
  /** A job alert's match (and its notification) from the user and the job: one per user and job. */
  job_alert_match: '3d6e9b1f-8a24-4c57-b0e3-6f1a2d9c5e78',
  /** A job-alert digest from the user, its frequency and the start of its period. */
  job_alert_digest: 'e5a2c7d9-4b16-4f83-9d0a-1c8e6b3f7a25',
} as const;
