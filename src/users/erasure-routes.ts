import { EraseAccountRequest } from '../../contracts/users/http';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { AuthService } from './accounts';
import { eraseUser, ErasureDeps } from './erasure';

const tag = 'Auth';

/** The right to deletion: a user erases their own account, or an admin erases one (ADR 0009). */
export function erasureRoutes(deps: ErasureDeps & { auth: AuthService }): RouteSpec[] {
  return [
    route({
      method: 'delete',
      path: '/api/v1/auth/me',
      rate_limit: 'auth.login',
      tag,
      summary:
        'Erase your account for good: your personal data becomes unreadable everywhere, your profiles and jobs are deleted, every session ends and the e-mail address can register again',
      body: EraseAccountRequest,
      responses: { 204: { description: 'Erased' }, ...errorResponses(400, 401, 429) },
      async handler({ body, user, context }) {
        await deps.auth.confirmPassword(user.id, body.password, context);
        await eraseUser(deps, user.id, 'self', context);
        return { status: 204 };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/admin/users/:id',
      role: 'admin',
      tag: 'Admin',
      summary: 'Erase a user for good (as DELETE /auth/me does, without their password); repeating it finishes an erasure that was interrupted',
      params: IdParams,
      responses: { 204: { description: 'Erased' }, ...errorResponses(400, 401, 403, 404) },
      async handler({ params, context }) {
        await eraseUser(deps, params.id, 'admin', context);
        return { status: 204 };
      },
    }),
  ];
}
