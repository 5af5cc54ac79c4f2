import { z } from 'zod';
import { Email, IsoTimestamp, Uuid } from '../shared/primitives';
import { Role } from './events';

/** Commands on a user. Ids, hashes and the clock are computed at the edge and travel in the command. */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), user_id: Uuid, now: IsoTimestamp, ...shape });

const newToken = { family_id: Uuid, token_id: Uuid, expires_at: IsoTimestamp };

export const RegisterUser = command('RegisterUser', {
  email: Email,
  full_name: z.string(),
  password_hash: z.string(),
  roles: z.array(Role),
  ...newToken,
});
export const StartSession = command('StartSession', newToken);
export const RotateRefreshToken = command('RotateRefreshToken', {
  family_id: Uuid,
  presented_token_id: Uuid,
  token_id: Uuid,
  expires_at: IsoTimestamp,
});
export const EndSession = command('EndSession', { family_id: Uuid });
/** The current password was checked at the edge; every open session ends and a new one starts. */
export const ChangePassword = command('ChangePassword', { password_hash: z.string(), ...newToken });

/** The password (or the admin role) was checked at the edge; the ids the user owned were looked up there. */
export const EraseUser = command('EraseUser', {
  requested_by: z.enum(['self', 'admin']),
  profile_ids: z.array(Uuid),
  job_ids: z.array(Uuid),
});

export const UserCommandSchema = z.discriminatedUnion('type', [RegisterUser, StartSession, RotateRefreshToken, EndSession, ChangePassword, EraseUser]);
export type UserCommand = z.infer<typeof UserCommandSchema>;
