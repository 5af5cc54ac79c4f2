import { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Role } from '../../contracts/users/events';
import { CommandContext } from '../shared/command-handler';

export interface AuthUser {
  id: string;
  roles: Role[];
  /** The session (refresh-token family) the access token belongs to. */
  session_id: string;
}

const CORRELATION_HEADER = 'x-correlation-id';

/** The correlation id a client sent (if sane) or a new one; echoed on the response. */
export function correlationId(req: Request): string {
  const sent = req.header(CORRELATION_HEADER);
  return sent && /^[\w.:-]{1,100}$/.test(sent) ? sent : randomUUID();
}

export function commandContext(req: Request, user: AuthUser | null, now: Date): CommandContext {
  return {
    correlation_id: (req as Request & { correlation_id?: string }).correlation_id ?? correlationId(req),
    causation_id: null,
    actor: user?.id ?? null,
    now: now.toISOString(),
  };
}
