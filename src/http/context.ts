import { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Role } from '../../contracts/users/events';
import { CommandContext } from '../shared/command-handler';

export interface AuthUser {
  id: string;
  roles: Role[];
  /** The session (refresh-token family) the access token belongs to. */
  session_id: string;
  /** The access token's own id (`jti`) and expiry, for revoking it at logout. */
  token_id?: string;
  expires_at?: Date;
}

/**
 * One id per request, under two names. `X-Correlation-Id` is canonical: it is the id stored in
 * every event's metadata (`correlation_id`), logged on the request line and put in problem
 * details. `X-Request-Id` is accepted as an alias (proxies and clients often send that one) and
 * both headers are echoed on every response with the same value. When a client sends both, the
 * correlation id wins; an id that is not 1-100 characters of `[A-Za-z0-9_.:-]` is replaced by a
 * new UUID.
 */
const ID_HEADERS = ['x-correlation-id', 'x-request-id'];
const SANE_ID = /^[\w.:-]{1,100}$/;

/** The id a client sent (if sane) or a new one; echoed on the response. */
export function correlationId(req: Request): string {
  for (const header of ID_HEADERS) {
    const sent = req.header(header);
    if (sent && SANE_ID.test(sent)) return sent;
  }
  return randomUUID();
}

export function commandContext(req: Request, user: AuthUser | null, now: Date): CommandContext {
  return {
    correlation_id: (req as Request & { correlation_id?: string }).correlation_id ?? correlationId(req),
    causation_id: null,
    actor: user?.id ?? null,
    now: now.toISOString(),
  };
}
