import { UserCommand } from '../../contracts/users/commands';
import { Role, UserEvent } from '../../contracts/users/events';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

interface Family {
  current_token_id: string;
  revoked: boolean;
}

export type UserState =
  | { status: 'none' }
  /** Erased for good: the keys are gone; nothing more happens to this account. */
  | { status: 'erased'; user_id: string }
  | {
      status: 'registered';
      user_id: string;
      email: string;
      full_name: string;
      password_hash: string;
      roles: Role[];
      families: ReadonlyMap<string, Family>;
    };

const invalidRefresh = () => new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is not valid');

/**
 * Refresh tokens rotate within a family: each refresh replaces the family's current token.
 * Presenting a token that was already rotated means it leaked, so the whole family is revoked.
 */
export function decide(command: UserCommand, state: UserState): UserEvent[] {
  const { family_id } = command as { family_id: string };
  if (command.type === 'RegisterUser') {
    if (state.status !== 'none') throw new DomainError('USER.EMAIL_TAKEN', 'This account already exists');
    const { user_id, email, full_name, password_hash, roles, token_id, expires_at } = command;
    return [
      { type: 'UserRegistered', data: { user_id, email, full_name, password_hash, roles } },
      { type: 'RefreshTokenIssued', data: { family_id, token_id, expires_at } },
    ];
  }
  if (state.status === 'erased') {
    if (command.type === 'EraseUser') return [];
    if (command.type === 'RotateRefreshToken') throw invalidRefresh();
  }
  if (state.status !== 'registered') throw new DomainError('USER.NOT_FOUND', 'No such user');
  const family = state.families.get(family_id);
  switch (command.type) {
    case 'StartSession':
      return [{ type: 'RefreshTokenIssued', data: { family_id, token_id: command.token_id, expires_at: command.expires_at } }];
    case 'RotateRefreshToken':
      if (!family || family.revoked) throw invalidRefresh();
      if (family.current_token_id !== command.presented_token_id) {
        return [{ type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'reuse_detected' } }];
      }
      return [
        {
          type: 'RefreshTokenRotated',
          data: { family_id, previous_token_id: command.presented_token_id, token_id: command.token_id, expires_at: command.expires_at },
        },
      ];
    case 'EndSession':
      return family && !family.revoked ? [{ type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'logout' } }] : [];
    case 'ChangePassword': {
      const revoked_family_ids = [...state.families].filter(([, f]) => !f.revoked).map(([id]) => id);
      return [
        { type: 'PasswordChanged', data: { password_hash: command.password_hash, revoked_family_ids } },
        { type: 'RefreshTokenIssued', data: { family_id, token_id: command.token_id, expires_at: command.expires_at } },
      ];
    }
    case 'EraseUser': {
      const revoked_family_ids = [...state.families].filter(([, f]) => !f.revoked).map(([id]) => id);
      const { user_id, requested_by, profile_ids, job_ids } = command;
      return [{ type: 'UserErased', data: { user_id, requested_by, profile_ids, job_ids, revoked_family_ids } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    const { user_id, email, full_name, password_hash, roles } = event.data;
    return { status: 'registered', user_id, email, full_name, password_hash, roles, families: new Map() };
  }
  if (event.type === 'UserErased') return { status: 'erased', user_id: event.data.user_id };
  if (state.status !== 'registered') return state;
  const families = new Map(state.families);
  switch (event.type) {
    case 'RefreshTokenIssued':
      families.set(event.data.family_id, { current_token_id: event.data.token_id, revoked: false });
      break;
    case 'RefreshTokenRotated':
      families.set(event.data.family_id, { current_token_id: event.data.token_id, revoked: false });
      break;
    case 'RefreshTokenFamilyRevoked': {
      const family = families.get(event.data.family_id);
      if (family) families.set(event.data.family_id, { ...family, revoked: true });
      break;
    }
    case 'PasswordChanged':
      for (const id of event.data.revoked_family_ids) {
        const family = families.get(id);
        if (family) families.set(id, { ...family, revoked: true });
      }
      return { ...state, password_hash: event.data.password_hash, families };
    default:
      return assertNever(event);
  }
  return { ...state, families };
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = { initialState: { status: 'none' }, decide, evolve };
