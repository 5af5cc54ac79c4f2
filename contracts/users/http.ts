import { z } from 'zod';
import { chars, Email, IsoTimestamp, requiredText, text, Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { Role } from './events';

export const RegisterRequest = z.strictObject({
  email: Email,
  password: chars(200, 8),
  full_name: requiredText(200),
});
export const LoginRequest = z.strictObject({ email: text(254), password: chars(200) });
export const RefreshRequest = z.strictObject({ refresh_token: chars(4096, 1) });
export const ChangePasswordRequest = z.strictObject({ current_password: chars(200), new_password: chars(200, 8) });
/** Erasing one's own account asks for the password again. */
export const EraseAccountRequest = z.strictObject({ password: chars(200) });
export const LogoutRequest = z.strictObject({ refresh_token: chars(4096, 1) }).partial();

export const UserView = z.object({ id: Uuid, email: Email, full_name: z.string(), roles: z.array(Role), created_at: IsoTimestamp });
export type UserView = z.infer<typeof UserView>;

export const AuthResponse = z.object({
  user: UserView.omit({ created_at: true }),
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expires_in: z.number().int(),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

/** One session (refresh-token family) as the data export shows it: ids and times, never a token. */
export const SessionView = z.object({
  id: Uuid,
  created_at: IsoTimestamp,
  expires_at: IsoTimestamp,
  last_refreshed_at: IsoTimestamp.nullable(),
  revoked: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

/** The `users_v1` read-model document. */
export const UserDocument = UserView.extend(ProjectedFields);
export type UserDocument = z.infer<typeof UserDocument>;
export const UsersReadModel = defineReadModel('users_v1', UserDocument);
