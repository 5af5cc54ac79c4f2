/**
 * The file storage port (issue 11): the bytes of a user's document files (exports, cached
 * renders). Every file belongs to one user and is encrypted at rest with that user's key from the
 * key store (ADR 0009, "Stored files"), so destroying the user's keys erases their files too.
 */
export const DOCUMENT_TYPES = ['resume', 'cover_letter'] as const;
export type StoredDocumentType = (typeof DOCUMENT_TYPES)[number];

/** Where a file lives: `{user_id}/{document_type}/{document_id}/{name}`, e.g. name `v3.professional.pdf`. */
export interface StoredFilePath {
  user_id: string;
  document_type: StoredDocumentType;
  document_id: string;
  name: string;
}

/** Whose files `deleteAll` removes: all of a user's, one document type's, or one document's. */
export interface FileOwner {
  user_id: string;
  document_type?: StoredDocumentType;
  document_id?: string;
}

export interface FileStore {
  /** Stores the bytes at the path, replacing what was there; atomic (readers see old or new, never half). */
  put(path: StoredFilePath, bytes: Buffer): Promise<void>;
  /**
   * The bytes at the path, or null when there is no file there or when its owner's keys were
   * destroyed (an erased file is gone for every purpose, like a missing one). A file that does
   * not authenticate (tampered, truncated, moved from another path) is a FileDecryptError.
   */
  get(path: StoredFilePath): Promise<Buffer | null>;
  /** Removes the file; removing a missing file is fine. */
  delete(path: StoredFilePath): Promise<void>;
  /** Removes every file of the owner (user, user + type, or user + document); answers how many. */
  deleteAll(owner: FileOwner): Promise<number>;
}

/** A path or owner with a segment that is not a lowercase UUID, a known document type or a safe name. */
export class InvalidFilePathError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid stored file path: ${problems.join('; ')}`);
    this.name = 'InvalidFilePathError';
  }
}

/** A stored file that exists but does not decrypt with its owner's key: tampered, truncated or foreign. */
export class FileDecryptError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`stored file ${path} does not decrypt: ${reason}`);
    this.name = 'FileDecryptError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Starts with a letter or digit (so never `.`, `..` or a hidden temp file), at most 100 characters. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The problems of an owner (empty when it is valid). */
export function ownerProblems(owner: FileOwner): string[] {
  const problems: string[] = [];
  if (typeof owner.user_id !== 'string' || !UUID.test(owner.user_id)) problems.push('user_id must be a lowercase UUID');
  if (owner.document_type !== undefined && !DOCUMENT_TYPES.includes(owner.document_type)) problems.push(`document_type must be one of ${DOCUMENT_TYPES.join(', ')}`);
  if (owner.document_id !== undefined && (typeof owner.document_id !== 'string' || !UUID.test(owner.document_id))) problems.push('document_id must be a lowercase UUID');
  return problems;
}

/** The problems of a path (empty when it is valid). */
export function pathProblems(path: StoredFilePath): string[] {
  const problems = ownerProblems(path);
  if (path.document_type === undefined) problems.push('document_type is required');
  if (path.document_id === undefined) problems.push('document_id is required');
  if (typeof path.name !== 'string' || !NAME.test(path.name) || path.name.includes('..')) {
    problems.push('name must be 1-100 of [a-z0-9._-], start with a letter or digit and contain no ".."');
  }
  return problems;
}

export function assertValidOwner(owner: FileOwner): void {
  const problems = ownerProblems(owner);
  if (problems.length > 0) throw new InvalidFilePathError(problems);
}

export function assertValidPath(path: StoredFilePath): void {
  const problems = pathProblems(path);
  if (problems.length > 0) throw new InvalidFilePathError(problems);
}

/** The path as `user_id/document_type/document_id/name` (valid paths only). */
export const pathKey = (path: StoredFilePath): string => `${path.user_id}/${path.document_type}/${path.document_id}/${path.name}`;
