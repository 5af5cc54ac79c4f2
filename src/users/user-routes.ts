import { AuthResponse, ChangePasswordRequest, LoginRequest, LogoutRequest, RefreshRequest, RegisterRequest, UserDocument, UserView } from '../../contracts/users/http';
import { UsersReadModel } from '../../contracts/users/http';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { afterWrite } from '../http/after-write';
import { AuthService } from './accounts';
import { AccessRevocations } from './access-revocations';
import { TokenService } from './session-tokens';
import { effectiveRoles } from './roles';

export interface UserRouteDeps {
  auth: AuthService;
  tokens: TokenService;
  readStore: ReadStore;
  waiter: ProjectionWaiter;
  /** Logout revokes the session's access tokens too; absent, only its refresh tokens stop. */
  revocations?: AccessRevocations;
  /** Lower-cased e-mail addresses that act as admins (ADMIN_EMAILS). */
  admins?: ReadonlySet<string>;
}

const BASE = '/api/v1/auth';
const tag = 'Auth';

export function userRoutes(deps: UserRouteDeps): RouteSpec[] {
  const users = () => deps.readStore.collection<UserDocument>(UsersReadModel.collection);
  return [
    route({
      method: 'post',
      path: `${BASE}/register`,
      rate_limit: 'auth.register',
      tag,
      auth: false,
      summary: 'Create an account; answers with a session',
      body: RegisterRequest,
      responses: {
        201: { description: 'Registered', schema: AuthResponse },
        202: { description: 'Registered, with a session; `GET /auth/me` lags behind for a moment (do not register again)', schema: AuthResponse },
        ...errorResponses(400, 409, 429),
      },
      async handler({ body, context }) {
        const { session, written } = await deps.auth.register(body, context);
        return afterWrite({
          waiter: deps.waiter,
          readModel: UsersReadModel.name,
          written,
          location: `${BASE}/me`,
          acceptedBody: session,
          respond: async () => ({ status: 201, body: session }),
        });
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/login`,
      rate_limit: 'auth.login',
      tag,
      auth: false,
      summary: 'Start a session with e-mail and password',
      body: LoginRequest,
      responses: { 200: { description: 'Logged in', schema: AuthResponse }, ...errorResponses(400, 401, 429) },
      async handler({ body, context }) {
        return { status: 200, body: await deps.auth.login(body, context) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/refresh`,
      tag,
      auth: false,
      summary: 'Exchange a refresh token for a new pair; reusing an old one revokes the session',
      body: RefreshRequest,
      responses: { 200: { description: 'New tokens', schema: AuthResponse }, ...errorResponses(400, 401) },
      async handler({ body, context }) {
        return { status: 200, body: await deps.auth.refresh(body.refresh_token, context) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/logout`,
      tag,
      summary: 'End the current session: its refresh tokens and its access tokens stop working',
      body: LogoutRequest,
      responses: { 204: { description: 'Logged out' }, ...errorResponses(400, 401) },
      async handler({ body, user, context }) {
        const presented = body.refresh_token ? deps.tokens.verifyRefresh(body.refresh_token) : null;
        const family = presented && presented.sub === user.id ? presented.fam : user.session_id;
        await deps.auth.logout(user.id, family, context);
        if (deps.revocations) {
          const until = new Date(Date.parse(context.now) + deps.tokens.settings.access_ttl_seconds * 1000);
          await deps.revocations.revokeSession(family, until);
          if (user.token_id) await deps.revocations.revokeToken(user.token_id, user.expires_at ?? until);
        }
        return { status: 204 };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/change-password`,
      rate_limit: 'auth.login',
      tag,
      summary: 'Change the password: every other session ends (refresh and access tokens); answers with a new session for the caller',
      body: ChangePasswordRequest,
      responses: { 200: { description: 'Password changed; a new session', schema: AuthResponse }, ...errorResponses(400, 401, 429) },
      async handler({ body, user, context }) {
        const { session, revoked_family_ids } = await deps.auth.changePassword(user.id, body, context);
        if (deps.revocations) {
          const until = new Date(Date.parse(context.now) + deps.tokens.settings.access_ttl_seconds * 1000);
          const families = new Set([...revoked_family_ids, user.session_id]);
          for (const family of families) await deps.revocations.revokeSession(family, until);
        }
        return { status: 200, body: session };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/me`,
      tag,
      summary: 'The signed-in user',
      responses: { 200: { description: 'You', schema: UserView }, ...errorResponses(401) },
      async handler({ user }) {
        const doc = await users().get(user.id);
        if (!doc || doc._deleted) throw new DomainError('USER.NOT_FOUND', 'Your account is not available yet; try again shortly');
        const roles = effectiveRoles(doc.roles, doc.email, deps.admins ?? new Set());
        return { status: 200, body: { id: doc.id, email: doc.email, full_name: doc.full_name, roles, created_at: doc.created_at } };
      },
    }),
  ];
}
