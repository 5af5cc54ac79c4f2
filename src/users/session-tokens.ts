import { createSecretKey, KeyObject, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Role } from '../../contracts/users/events';

export interface AccessClaims {
  sub: string;
  roles: Role[];
  /** The refresh-token family (session) this access token belongs to. */
  fam: string;
}

export interface RefreshClaims {
  sub: string;
  fam: string;
  jti: string;
}

/** What a valid access token says: its user and session, and its own id and expiry. */
export interface VerifiedAccess {
  id: string;
  roles: Role[];
  session_id: string;
  token_id?: string;
  expires_at?: Date;
}

export interface TokenSettings {
  secret: string;
  access_ttl_seconds: number;
  refresh_ttl_seconds: number;
}

const ALGORITHM = 'HS256';

/**
 * The HMAC key as a KeyObject: given a string, jsonwebtoken first tries to parse it as a public
 * key on every verify, which cost a fifth of the CPU of a request.
 */
export const signingKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));

/** Signs and verifies JWTs. Access and refresh tokens are told apart by `typ`, so one cannot pass for the other. */
export class TokenService {
  private readonly key: KeyObject;

  constructor(readonly settings: TokenSettings) {
    this.key = signingKey(settings.secret);
  }

  /** Each access token has its own id (`jti`), so that one token can be revoked before it expires. */
  signAccess(claims: AccessClaims): string {
    return jwt.sign({ ...claims, typ: 'access', jti: randomUUID() }, this.key, { algorithm: ALGORITHM, expiresIn: this.settings.access_ttl_seconds });
  }

  signRefresh(claims: RefreshClaims): string {
    return jwt.sign({ ...claims, typ: 'refresh' }, this.key, { algorithm: ALGORITHM, expiresIn: this.settings.refresh_ttl_seconds });
  }

  refreshExpiry(now: Date): string {
    return new Date(now.getTime() + this.settings.refresh_ttl_seconds * 1000).toISOString();
  }

  /** The user of a valid, unexpired access token (never a refresh token), or null. */
  verifyAccess(token: string): VerifiedAccess | null {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: [ALGORITHM] }) as Record<string, unknown>;
      const claims = accessClaimsFrom(payload);
      if (!claims) return null;
      const token_id = typeof payload.jti === 'string' ? payload.jti : undefined;
      const expires_at = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined;
      return { id: claims.sub, roles: claims.roles, session_id: claims.fam, token_id, expires_at };
    } catch {
      return null;
    }
  }

  /** The claims of a valid, unexpired refresh token, or null. */
  verifyRefresh(token: string): RefreshClaims | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: [ALGORITHM] }) as Record<string, unknown>;
      if (claims.typ !== 'refresh' || typeof claims.sub !== 'string' || typeof claims.fam !== 'string' || typeof claims.jti !== 'string') {
        return null;
      }
      return { sub: claims.sub, fam: claims.fam, jti: claims.jti };
    } catch {
      return null;
    }
  }
}

/** Accepts only access tokens. */
function accessClaimsFrom(payload: Record<string, unknown>): AccessClaims | null {
  if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.fam !== 'string') return null;
  return { sub: payload.sub, fam: payload.fam, roles: (payload.roles as Role[]) ?? [] };
}
