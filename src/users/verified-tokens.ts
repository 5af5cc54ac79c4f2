import { VerifiedAccess } from './session-tokens';

/**
 * Access tokens whose signature and claims were already checked, kept until they expire, so a
 * client's next request skips the HMAC and JSON parsing (a tenth of a command's CPU). Only what
 * the token itself says is cached: whether it was revoked since (logout, password change,
 * erasure) is asked on every request by the caller (RevocationAwareVerifier).
 *
 * At most `max_entries`, least recently used out first. An entry is used only while the token is
 * unexpired by the rule jsonwebtoken applies (`now < exp`, whole seconds), read from `now`, the
 * clock jsonwebtoken reads too. Tokens without an expiry are not cached.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { access: VerifiedAccess; exp_seconds: number }>();

  constructor(
    private readonly max_entries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached claims of an unexpired token (a copy the caller may keep), or undefined. */
  get(token: string): VerifiedAccess | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (Math.floor(this.now() / 1000) >= entry.exp_seconds) return undefined;
    this.entries.set(token, entry);
    return { ...entry.access, roles: [...entry.access.roles] };
  }

  set(token: string, access: VerifiedAccess): void {
    if (!access.expires_at) return;
    this.entries.delete(token);
    this.entries.set(token, { access: { ...access, roles: [...access.roles] }, exp_seconds: Math.floor(access.expires_at.getTime() / 1000) });
    while (this.entries.size > this.max_entries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
