import { DomainError } from '../shared/errors';

/** ETags are the stream version: `"3"` means three events have been applied. */
export const etag = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header asks for; undefined when absent or `*`. A header that names
 * no version (`garbage`, `3` without quotes, a list of tags) is a malformed request: 400 naming
 * the header. A well-formed version that is no longer current is the command's 412.
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match) {
    throw new DomainError('VALIDATION.FAILED', 'The If-Match header names no version of this resource', [
      { path: 'headers.if-match', message: 'must be * or one version ETag such as "3", as sent in the ETag header' },
    ]);
  }
  return Number(match[1]);
}
