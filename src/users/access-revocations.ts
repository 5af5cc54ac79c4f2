import { AccessTokenVerifier } from '../http/auth';
import { AuthUser } from '../http/context';
import { ReadStore } from '../read-store/port';
import { Clock } from '../shared/clock';
import { TokenService } from './session-tokens';
import { VerifiedTokenCache } from './verified-tokens';

/** One revoked access token (`jti:<id>`) or every access token of a session (`fam:<id>`), until they expire. */
interface RevocationDoc extends Record<string, unknown> {
  _id: string;
  /** ISO time after which no token it covers can be valid any more; pruned then. */
  expires_at: string;
}

export const REVOKED_ACCESS_COLLECTION = 'revoked_access_tokens';

/**
 * The access-token denylist, shared by every api process through the read store. A revocation
 * is written before logout answers, and this process also remembers it at once. Other processes
 * trust a cached "not revoked" for at most `cache_ms` (TOKEN_REVOCATION_CACHE_MS, default 1 s),
 * so a revoked token is refused everywhere within that bound; "revoked" answers are cached until
 * the entry expires. Entries expire with the longest-lived access token they cover and are
 * pruned by later revocations (no TTL index: mongo-java-server has none).
 */
export class AccessRevocations {
  private readonly cache = new Map<string, { revoked: boolean; until: number }>();
  private lastPrune = 0;

  constructor(
    private readonly readStore: ReadStore,
    private readonly clock: Clock,
    private readonly cache_ms: number,
  ) {}

  private get docs() {
    return this.readStore.collection<RevocationDoc>(REVOKED_ACCESS_COLLECTION);
  }

  async revokeToken(token_id: string, expires_at: Date): Promise<void> {
    await this.revoke(`jti:${token_id}`, expires_at);
  }

  /** Every access token of the session, issued before now, until `until` (now + the access-token lifetime). */
  async revokeSession(family_id: string, until: Date): Promise<void> {
    await this.revoke(`fam:${family_id}`, until);
  }

  async isRevoked(user: AuthUser): Promise<boolean> {
    const now = this.clock.now().getTime();
    const keys = [`fam:${user.session_id}`, ...(user.token_id ? [`jti:${user.token_id}`] : [])];
    const cached = keys.map((key) => this.cache.get(key));
    if (cached.some((entry) => entry && entry.revoked && entry.until > now)) return true;
    if (cached.every((entry) => entry && entry.until > now)) return false;
    const found = await this.docs.find({ _id: { $in: keys } });
    if (this.cache.size > 100_000) this.cache.clear();
    for (const key of keys) {
      const doc = found.find((d) => d._id === key);
      const expires = doc ? Date.parse(doc.expires_at) : 0;
      this.cache.set(key, doc && expires > now ? { revoked: true, until: expires } : { revoked: false, until: now + this.cache_ms });
    }
    return found.some((doc) => Date.parse(doc.expires_at) > now);
  }

  private async revoke(key: string, expires_at: Date): Promise<void> {
    const now = this.clock.now();
    if (expires_at <= now) return;
    await this.docs.upsert({ _id: key, expires_at: expires_at.toISOString() });
    this.cache.set(key, { revoked: true, until: expires_at.getTime() });
    if (now.getTime() - this.lastPrune > 60_000) {
      this.lastPrune = now.getTime();
      await this.docs.deleteMany({ expires_at: { $lte: now.toISOString() } });
    }
  }
}

/**
 * The authenticator's verifier: a valid signature and expiry (TokenService, whose answer for a
 * token is cached until the token expires), and not revoked (asked on every request).
 */
export class RevocationAwareVerifier implements AccessTokenVerifier {
  constructor(
    private readonly tokens: TokenService,
    private readonly revocations: AccessRevocations,
    private readonly verified = new VerifiedTokenCache(),
  ) {}

  async verifyAccess(token: string): Promise<AuthUser | null> {
    let user = this.verified.get(token);
    if (!user) {
      user = this.tokens.verifyAccess(token) ?? undefined;
      if (!user) return null;
      this.verified.set(token, user);
    }
    return (await this.revocations.isRevoked(user)) ? null : user;
  }
}
