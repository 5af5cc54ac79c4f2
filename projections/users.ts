import { UserDocument, UsersReadModel } from '../contracts/users/http';
import { Projection } from '../contracts/shared/projection';

/** `users_v1`: account details for GET /auth/me (never the password hash). */
export const usersProjection: Projection<UserDocument> = {
  ...UsersReadModel,
  owner: 'id',
  handles: ['UserRegistered'],
  documentId: (event) => event.stream_id.slice('user-'.length),
  evolve(current, event) {
    if (event.type !== 'UserRegistered') return current;
    const { user_id, email, full_name, roles } = event.data;
    return { id: user_id, email, full_name, roles, created_at: event.metadata.occurred_at };
  },
};
