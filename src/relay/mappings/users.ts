import { IntegrationTopics } from '../../../contracts/integration';
import * as U from '../../../contracts/integration/users';
import { UserEvent } from '../../../contracts/users/events';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const users = on(IntegrationTopics.users);

/** User events → `jobwise.users.v1`: ids, roles and session families; never the e-mail address or the password hash. */
export const USER_MAPPINGS: AggregateMapping<UserEvent['type']> = {
  UserRegistered: (event) => users(event, build(U.UserRegisteredV1, event, { user_id: event.data.user_id, roles: event.data.roles })),
  RefreshTokenIssued: (event) =>
    users(event, build(U.UserSessionStartedV1, event, { user_id: streamEntityId(event.stream_id), family_id: event.data.family_id })),
  RefreshTokenRotated: (event) =>
    users(event, build(U.UserSessionRefreshedV1, event, { user_id: streamEntityId(event.stream_id), family_id: event.data.family_id })),
  RefreshTokenFamilyRevoked: (event) =>
    users(
      event,
      build(U.UserSessionRevokedV1, event, { user_id: streamEntityId(event.stream_id), family_id: event.data.family_id, reason: event.data.reason }),
    ),
  PasswordChanged: (event) =>
    users(
      event,
      build(U.UserPasswordChangedV1, event, { user_id: streamEntityId(event.stream_id), revoked_sessions: event.data.revoked_family_ids.length }),
    ),
  UserErased: (event) =>
    users(event, build(U.UserErasedV1, event, { user_id: event.data.user_id, profile_ids: event.data.profile_ids, job_ids: event.data.job_ids })),
};
