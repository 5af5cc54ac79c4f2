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

export const UserEventSchemas = [UserRegistered, RefreshTokenIssued, RefreshTokenRotated, RefreshTokenFamilyRevoked] as const;
export const UserEventSchema = z.discriminatedUnion('type', UserEventSchemas);
export type UserEvent = z.infer<typeof UserEventSchema>;

