import { SharePermission } from '../../contracts/documents/events';
import { DocumentDocument } from '../../contracts/documents/read-model';
import { DomainError } from '../shared/errors';

type Share = DocumentDocument['shares'][number];

/**
 * Whether a share link may do `wanted` now, before the password is checked: a revoked or expired
 * link is gone (410), a link without the permission forbids it (403). Pure.
 */
export function checkShare(share: Share, wanted: SharePermission, now: string): void {
  if (share.revoked) throw new DomainError('SHARE.GONE', 'This link was revoked by its owner');
  if (Date.parse(share.expires_at) <= Date.parse(now)) throw new DomainError('SHARE.GONE', `This link expired at ${share.expires_at}`);
  if (!share.permissions.includes(wanted)) throw new DomainError('SHARE.FORBIDDEN', `This link does not allow ${wanted === 'view' ? 'viewing' : 'downloading'} the document`);
}

/** The version a link shows: the one it was made for, or the current one. */
export function sharedVersion(doc: DocumentDocument, share: Share) {
  const pinned = share.version === null ? undefined : doc.versions.find((v) => v.version === share.version);
  return pinned ?? doc.versions.find((v) => v.version === doc.current_version)!;
}
