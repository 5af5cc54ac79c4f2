import { randomUUID } from 'node:crypto';
import { UserCommand } from '../../../contracts/users/commands';
import { UserEvent } from '../../../contracts/users/events';
import { userDecider } from '../../../src/users/user-decider';
import { given } from '../../support/given';

const now = '2026-11-30T10:00:00.000Z';
const expires_at = '2026-12-30T10:00:00.000Z';
const user_id = randomUUID();
const [first, second] = [randomUUID(), randomUUID()];
const [profile_id, job_id] = [randomUUID(), randomUUID()];

const registered: UserEvent = {
  type: 'UserRegistered',
  data: { user_id, email: 'ada@example.com', full_name: 'Ada', password_hash: 'scrypt$x', roles: ['user'] },
};
const issued = (family_id: string): UserEvent => ({ type: 'RefreshTokenIssued', data: { family_id, token_id: randomUUID(), expires_at } });
const erase: Extract<UserCommand, { type: 'EraseUser' }> = { type: 'EraseUser', user_id, now, requested_by: 'self', profile_ids: [profile_id], job_ids: [job_id] };
const erased: UserEvent = {
  type: 'UserErased',
  data: { user_id, requested_by: 'self', profile_ids: [profile_id], job_ids: [job_id], revoked_family_ids: [first] },
};

describe('user decider: EraseUser', () => {
  it('given a user with an open and an ended session, when erased, then UserErased names the owned ids and the sessions it ends', () => {
    const logout: UserEvent = { type: 'RefreshTokenFamilyRevoked', data: { family_id: second, reason: 'logout' } };
    given(userDecider, [registered, issued(first), issued(second), logout]).when(erase).then([erased]);
  });

  it('given an erased user, when erased again, then nothing more is recorded', () => {
    given(userDecider, [registered, issued(first), erased]).when({ ...erase, requested_by: 'admin' }).then([]);
  });

  it('given an erased user, when a refresh token of theirs is presented, then it is refused as a bad token', () => {
    given(userDecider, [registered, issued(first), erased])
      .when({ type: 'RotateRefreshToken', user_id, now, family_id: first, presented_token_id: randomUUID(), token_id: randomUUID(), expires_at })
      .thenFails('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('given an erased user, when a session starts or the password changes, then there is no such user', () => {
    const history = [registered, erased];
    given(userDecider, history).when({ type: 'StartSession', user_id, now, family_id: randomUUID(), token_id: randomUUID(), expires_at }).thenFails('USER.NOT_FOUND');
    given(userDecider, history)
      .when({ type: 'ChangePassword', user_id, now, password_hash: 'scrypt$y', family_id: randomUUID(), token_id: randomUUID(), expires_at })
      .thenFails('USER.NOT_FOUND');
  });

  it('given no user, when erased, then there is no such user', () => {
    given(userDecider, []).when(erase).thenFails('USER.NOT_FOUND');
  });
});
