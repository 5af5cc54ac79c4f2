import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { IsoTimestamp, RecordedEmail, Uuid } from '../shared/primitives';

export const Role = z.enum(['user', 'admin']);
export type Role = z.infer<typeof Role>;

/** Events of the `user-<uuid>` stream. */
export const UserRegistered = defineEvent(
  'UserRegistered',
  z.object({
    user_id: Uuid,
    email: RecordedEmail,
    full_name: z.string(),
    /** scrypt hash in PHC-like form; never leaves the event store. */
    password_hash: z.string(),
    roles: z.array(Role),
  }),
);
/** A refresh-token family starts at login or registration. */
export const RefreshTokenIssued = defineEvent(
  'RefreshTokenIssued',
  z.object({ family_id: Uuid, token_id: Uuid, expires_at: IsoTimestamp }),
);
export const RefreshTokenRotated = defineEvent(
  'RefreshTokenRotated',
  z.object({ family_id: Uuid, previous_token_id: Uuid, token_id: Uuid, expires_at: IsoTimestamp }),
);
export const RefreshTokenFamilyRevoked = defineEvent(
  'RefreshTokenFamilyRevoked',
  z.object({ family_id: Uuid, reason: z.enum(['logout', 'reuse_detected']) }),
);

/**
 * The password was changed: the new scrypt hash (never leaves the event store) and the
 * refresh-token families (sessions) that were open and are revoked by the change.
 */
export const PasswordChanged = defineEvent(
  'PasswordChanged',
  z.object({ password_hash: z.string(), revoked_family_ids: z.array(Uuid) }),
);

/**
 * The account was erased (right to deletion, ADR 0009): the user's keys are destroyed, so every
 * personal field of their events reads as erased from now on. Ids only: the profiles and jobs
 * the user owned (for consumers that must forget them), the sessions that ended, and who asked.
 */
export const UserErased = defineEvent(
  'UserErased',
  z.object({
    user_id: Uuid,
    requested_by: z.enum(['self', 'admin']),
    profile_ids: z.array(Uuid),
    job_ids: z.array(Uuid),
    revoked_family_ids: z.array(Uuid),
  }),
);

export const UserEventSchemas = [UserRegistered, RefreshTokenIssued, RefreshTokenRotated, RefreshTokenFamilyRevoked, PasswordChanged, UserErased] as const;
export const UserEventSchema = z.discriminatedUnion('type', UserEventSchemas);
export type UserEvent = z.infer<typeof UserEventSchema>;

