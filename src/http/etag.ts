import { DomainError } from '../shared/errors';

/** ETags are the stream version: `"3"` means three events have been applied. */
export const etag = (version: number) => `"${version}"`;

/** The version an `If-Match` header asks for; undefined when absent or `*`. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw new DomainError('CONCURRENCY.VERSION_MISMATCH', `If-Match ${header} does not name a version of this resource`);
  return Number(match[1]);
}
