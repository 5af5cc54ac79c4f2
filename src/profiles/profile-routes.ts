import { ProfileAnalytics, ProfileSummary, ProfileView } from '../../contracts/profiles/read-model';
import { ProfileCreateRequest, ProfileUpdateRequest, SkillsRequest } from '../../contracts/profiles/requests';
import { SkillsSchema } from '../../contracts/profiles/entities';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { etag, ifMatchVersion } from '../http/etag';
import { IdParams, route, RouteSpec } from '../http/route';
import { entryRoutes } from './entry-routes';
import { ProfilesReadModel } from '../../contracts/profiles/read-model';
import { profileAggregate } from './profile-aggregate';
import { createProfile, deleteProfile } from './profile-lifecycle';
import { PROFILES_BASE as BASE, ProfileRouteDeps, viewResult, written } from './profile-route-deps';
import { profileAnalytics } from './analytics';
import { profileSummary } from './summary';
import { errorResponses } from '../http/openapi-responses';

const tag = 'Profiles';

export function profileRoutes(deps: ProfileRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: BASE,
      rate_limit: 'profiles.create',
      tag,
      summary: 'Create your master profile (one per user)',
      body: ProfileCreateRequest,
      responses: { 201: { description: 'Created', schema: ProfileView }, ...acceptedResponse, ...errorResponses(400, 401, 409, 429) },
      async handler({ body, user, context }) {
        const { profile_id, result } = await createProfile(deps.commands, body, { ...context, actor: user.id });
        return written(deps, profile_id, user.id, result, (view) => viewResult(201, view));
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/me`,
      rate_limit: 'profiles.read',
      tag,
      summary: 'Your profile',
      responses: { 200: { description: 'Your profile', schema: ProfileView }, ...errorResponses(401, 404, 429) },
      async handler({ user }) {
        return viewResult(200, await deps.queries.ofUser(user.id));
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      rate_limit: 'profiles.read',
      tag,
      summary: 'A profile of yours by id',
      params: IdParams,
      responses: { 200: { description: 'The profile', schema: ProfileView }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user }) {
        return viewResult(200, await deps.queries.owned(params.id, user.id));
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id`,
      rate_limit: 'profiles.update',
      tag,
      summary: 'Replace personal info, summary and/or skills (honours If-Match)',
      params: IdParams,
      body: ProfileUpdateRequest,
      responses: { 200: { description: 'Updated', schema: ProfileView }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412, 429) },
      async handler({ params, body, user, context, header }) {
        const result = await deps.commands.handle(
          profileAggregate,
          { type: 'UpdateProfile', profile_id: params.id, actor: user.id, now: context.now, ...body },
          context,
          { expected_version: ifMatchVersion(header('if-match')) },
        );
        return written(deps, params.id, user.id, result);
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      rate_limit: 'profiles.update',
      tag,
      summary: 'Delete your profile (honours If-Match)',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412, 429) },
      async handler({ params, user, context, header }) {
        const result = await deleteProfile(deps.commands, params.id, { ...context, actor: user.id }, ifMatchVersion(header('if-match')));
        return afterWrite({ waiter: deps.waiter, readModel: ProfilesReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id/skills`,
      rate_limit: 'profiles.update',
      tag,
      summary: 'Replace your skills',
      params: IdParams,
      body: SkillsRequest,
      responses: { 200: { description: 'The skills now on the profile', schema: SkillsSchema }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412, 429) },
      async handler({ params, body, user, context, header }) {
        const result = await deps.commands.handle(
          profileAggregate,
          { type: 'ReplaceSkills', profile_id: params.id, actor: user.id, now: context.now, skills: body },
          context,
          { expected_version: ifMatchVersion(header('if-match')) },
        );
        return written(deps, params.id, user.id, result, (view) => ({ status: 200, body: view.skills, headers: { ETag: etag(view.version) } }));
      },
    }),
    ...entryRoutes(deps),
    route({
      method: 'get',
      path: `${BASE}/:id/analytics`,
      rate_limit: 'profiles.read',
      tag,
      summary: 'Completeness per section, counts and recommendations',
      params: IdParams,
      responses: { 200: { description: 'Analytics', schema: ProfileAnalytics }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user, context }) {
        return { status: 200, body: profileAnalytics(await deps.queries.owned(params.id, user.id), context.now) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/summary`,
      rate_limit: 'profiles.read',
      tag,
      summary: 'The profile condensed for generation',
      params: IdParams,
      responses: { 200: { description: 'Summary', schema: ProfileSummary }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user, context }) {
        return { status: 200, body: profileSummary(await deps.queries.owned(params.id, user.id), context.now) };
      },
    }),
  ];
}

