import { randomUUID } from 'node:crypto';
import { UserEvent } from '../../../contracts/users/events';
import { userDecider } from '../../../src/users/user-decider';
import { given } from '../../support/given';

const now = '2026-11-24T10:00:00.000Z';
const expires_at = '2026-12-24T10:00:00.000Z';
const user_id = randomUUID();
const family_id = randomUUID();
const first_token = randomUUID();
const second_token = randomUUID();

const registered: UserEvent = {
  type: 'UserRegistered',
  data: { user_id, email: 'ada@example.com', full_name: 'Ada', password_hash: 'scrypt$x', roles: ['user'] },
};
const issued: UserEvent = { type: 'RefreshTokenIssued', data: { family_id, token_id: first_token, expires_at } };
const rotated: UserEvent = {
  type: 'RefreshTokenRotated',
  data: { family_id, previous_token_id: first_token, token_id: second_token, expires_at },
};
const rotate = (presented: string, token_id = randomUUID()) =>
  ({ type: 'RotateRefreshToken', user_id, now, family_id, presented_token_id: presented, token_id, expires_at }) as const;

describe('user decider', () => {
  it('registers a user and opens a first session', () => {
    given(userDecider)
      .when({ type: 'RegisterUser', user_id, now, email: 'ada@example.com', full_name: 'Ada', password_hash: 'scrypt$x', roles: ['user'], family_id, token_id: first_token, expires_at })
      .then([registered, issued]);
  });

  it('refuses to register the same user twice', () => {
    given(userDecider, [registered])
      .when({ type: 'RegisterUser', user_id, now, email: 'a@b.co', full_name: 'A', password_hash: 'h', roles: ['user'], family_id, token_id: first_token, expires_at })
      .thenFails('USER.EMAIL_TAKEN');
  });

  it('starts a new session family at login', () => {
    const fam = randomUUID();
    const token = randomUUID();
    given(userDecider, [registered])
      .when({ type: 'StartSession', user_id, now, family_id: fam, token_id: token, expires_at })
      .then([{ type: 'RefreshTokenIssued', data: { family_id: fam, token_id: token, expires_at } }]);
  });

  it('rotates the current refresh token', () => {
    given(userDecider, [registered, issued]).when(rotate(first_token, second_token)).then([rotated]);
  });

  it('revokes the whole family when an already-rotated token is presented again', () => {
    given(userDecider, [registered, issued, rotated])
      .when(rotate(first_token))
      .then([{ type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'reuse_detected' } }]);
  });

  it('refuses every token of a revoked family, even the latest', () => {
    const revoked: UserEvent = { type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'reuse_detected' } };
    given(userDecider, [registered, issued, rotated, revoked]).when(rotate(second_token)).thenFails('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('refuses a token of an unknown family', () => {
    given(userDecider, [registered]).when(rotate(first_token)).thenFails('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('logout revokes the family once; a second logout changes nothing', () => {
    const logout = { type: 'EndSession', user_id, now, family_id } as const;
    const revoked: UserEvent = { type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'logout' } };
    given(userDecider, [registered, issued]).when(logout).then([revoked]);
    given(userDecider, [registered, issued, revoked]).when(logout).then([]);
  });

  it('rejects commands for a user that does not exist', () => {
    given(userDecider).when({ type: 'StartSession', user_id, now, family_id, token_id: first_token, expires_at }).thenFails('USER.NOT_FOUND');
  });
});
