import { randomUUID } from 'node:crypto';
import { UserEvent } from '../../../contracts/users/events';
import { userDecider } from '../../../src/users/user-decider';
import { fold } from '../../../src/shared/decider';
import { given } from '../../support/given';

const now = '2026-11-24T10:00:00.000Z';
const expires_at = '2026-12-24T10:00:00.000Z';
const user_id = randomUUID();
const [first, second, third, fresh] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const fresh_token = randomUUID();

const registered: UserEvent = {
  type: 'UserRegistered',
  data: { user_id, email: 'ada@example.com', full_name: 'Ada', password_hash: 'scrypt$old', roles: ['user'] },
};
const issued = (family_id: string): UserEvent => ({ type: 'RefreshTokenIssued', data: { family_id, token_id: randomUUID(), expires_at } });
const change = { type: 'ChangePassword', user_id, now, password_hash: 'scrypt$new', family_id: fresh, token_id: fresh_token, expires_at } as const;

describe('user decider: ChangePassword', () => {
  it('given open sessions, when the password changes, then the new hash is recorded, every open session revoked and a new one started', () => {
    const logout: UserEvent = { type: 'RefreshTokenFamilyRevoked', data: { family_id: third, reason: 'logout' } };
    given(userDecider, [registered, issued(first), issued(second), issued(third), logout])
      .when(change)
      .then([
        { type: 'PasswordChanged', data: { password_hash: 'scrypt$new', revoked_family_ids: [first, second] } },
        { type: 'RefreshTokenIssued', data: { family_id: fresh, token_id: fresh_token, expires_at } },
      ]);
  });

  it('given the change, then the state holds the new hash, the old sessions are revoked and the new one is open', () => {
    const history = [registered, issued(first), ...userDecider.decide(change, fold(userDecider, [registered, issued(first)]))];
    const state = fold(userDecider, history);
    if (state.status !== 'registered') throw new Error('not registered');
    expect(state.password_hash).toBe('scrypt$new');
    expect(state.families.get(first)?.revoked).toBe(true);
    expect(state.families.get(fresh)).toEqual({ current_token_id: fresh_token, revoked: false });
  });

  it('given a revoked session, when its refresh token is presented after the change, then it is refused', () => {
    const history = [registered, issued(first), ...userDecider.decide(change, fold(userDecider, [registered, issued(first)]))];
    given(userDecider, history)
      .when({ type: 'RotateRefreshToken', user_id, now, family_id: first, presented_token_id: randomUUID(), token_id: randomUUID(), expires_at })
      .thenFails('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('given no user, when the password changes, then it fails', () => {
    given(userDecider, []).when(change).thenFails('USER.NOT_FOUND');
  });
});
