import { z } from 'zod';
import { Uuid } from '../shared/primitives';
import { Role } from '../users/events';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.users.v1`, key `user-<user id>`. Accounts and sessions, never the e-mail
 * address, the name or anything about credentials.
 */
export const UserRegisteredV1 = integrationEvent('user.registered', 1, z.strictObject({ user_id: Uuid, roles: z.array(Role) }));

const session = z.strictObject({ user_id: Uuid, family_id: Uuid });
/** A refresh-token family (one login session) started at login or registration. */
export const UserSessionStartedV1 = integrationEvent('user.session_started', 1, session);
/** The session's refresh token was rotated: the session is still in use. */
export const UserSessionRefreshedV1 = integrationEvent('user.session_refreshed', 1, session);
export const UserSessionRevokedV1 = integrationEvent(
  'user.session_revoked',
  1,
  session.extend({ reason: z.enum(['logout', 'reuse_detected']) }),
);
/** The password was changed and every other session revoked; only how many, never anything about the credential. */
export const UserPasswordChangedV1 = integrationEvent(
  'user.password_changed',
  1,
  z.strictObject({ user_id: Uuid, revoked_sessions: z.number().int().nonnegative() }),
);

/**
 * The user was erased: consumers must forget everything they hold under these ids (the user,
 * their profiles and their jobs). Later events never name the user again.
 */
export const UserErasedV1 = integrationEvent(
  'user.erased',
  1,
  z.strictObject({ user_id: Uuid, profile_ids: z.array(Uuid), job_ids: z.array(Uuid) }),
);

export const UserIntegrationEventSchemas = [
  UserRegisteredV1,
  UserSessionStartedV1,
  UserSessionRefreshedV1,
  UserSessionRevokedV1,
  UserPasswordChangedV1,
  UserErasedV1,
] as const;
export const UserIntegrationEvent = z.discriminatedUnion('event_type', UserIntegrationEventSchemas);
export type UserIntegrationEvent = z.infer<typeof UserIntegrationEvent>;
