import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import {
  EducationEntitySchema,
  EducationSchema,
  ExperienceEntitySchema,
  ExperienceSchema,
  ProjectEntitySchema,
  ProjectSchema,
} from '../../contracts/profiles/entities';
import { ProfileCommand } from '../../contracts/profiles/commands';
import { ProfileView } from '../../contracts/profiles/read-model';
import { etag, ifMatchVersion } from '../http/etag';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { acceptedResponse } from '../http/after-write';
import { profileAggregate } from './profile-aggregate';
import { ProfileRouteDeps, written } from './profile-route-deps';

/**
 * Experiences, education and projects share one shape of routes:
 * POST /profiles/{id}/<segment>, PUT and DELETE /profiles/{id}/<segment>/{entry_id}.
 */
interface EntryKind {
  segment: 'experiences' | 'education' | 'projects';
  label: string;
  input: z.ZodType;
  entity: z.ZodType;
  add(base: Base, entry: Record<string, unknown>): ProfileCommand;
  update(base: Base, entry: Record<string, unknown>): ProfileCommand;
  remove(base: Base, id: string): ProfileCommand;
}
type Base = { profile_id: string; actor: string; now: string };

const KINDS: EntryKind[] = [
  {
    segment: 'experiences',
    label: 'work experience',
    input: ExperienceSchema,
    entity: ExperienceEntitySchema,
    add: (b, e) => ({ type: 'AddExperience', ...b, experience: e as never }),
    update: (b, e) => ({ type: 'UpdateExperience', ...b, experience: e as never }),
    remove: (b, id) => ({ type: 'RemoveExperience', ...b, experience_id: id }),
  },
  {
    segment: 'education',
    label: 'education entry',
    input: EducationSchema,
    entity: EducationEntitySchema,
    add: (b, e) => ({ type: 'AddEducation', ...b, education: e as never }),
    update: (b, e) => ({ type: 'UpdateEducation', ...b, education: e as never }),
    remove: (b, id) => ({ type: 'RemoveEducation', ...b, education_id: id }),
  },
  {
    segment: 'projects',
    label: 'project',
    input: ProjectSchema,
    entity: ProjectEntitySchema,
    add: (b, e) => ({ type: 'AddProject', ...b, project: e as never }),
    update: (b, e) => ({ type: 'UpdateProject', ...b, project: e as never }),
    remove: (b, id) => ({ type: 'RemoveProject', ...b, project_id: id }),
  },
];

const EntryParams = z.object({ id: z.uuid({ message: 'must be a UUID' }), entry_id: z.uuid({ message: 'must be a UUID' }) });
const ProfileParams = EntryParams.pick({ id: true });

const entryOf = (view: ProfileView, segment: EntryKind['segment'], id: string) =>
  (view[segment] as { id: string }[]).find((entry) => entry.id === id);

export function entryRoutes(deps: ProfileRouteDeps): RouteSpec[] {
  return KINDS.flatMap((kind) => {
    const path = `/api/v1/profiles/:id/${kind.segment}`;
    const tag = 'Profiles';
    return [
      route({
        method: 'post',
        path,
        rate_limit: 'profiles.update',
        tag,
        summary: `Add a ${kind.label}`,
        params: ProfileParams,
        body: kind.input,
        responses: { 201: { description: 'Added', schema: kind.entity }, ...acceptedResponse, ...errorResponses(400, 401, 404, 409, 412, 429) },
        async handler({ params, body, user, context, header }) {
          const entry = { ...(body as object), id: randomUUID() };
          const base = { profile_id: params.id, actor: user.id, now: context.now };
          const result = await deps.commands.handle(profileAggregate, kind.add(base, entry), context, { expected_version: ifMatchVersion(header('if-match')) });
          return written(deps, params.id, user.id, result, (view) => ({
            status: 201,
            body: entryOf(view, kind.segment, entry.id),
            headers: { ETag: etag(view.version), Location: `/api/v1/profiles/${params.id}/${kind.segment}/${entry.id}` },
          }));
        },
      }),
      route({
        method: 'put',
        path: `${path}/:entry_id`,
        rate_limit: 'profiles.update',
        tag,
        summary: `Replace a ${kind.label}`,
        params: EntryParams,
        body: kind.input,
        responses: { 200: { description: 'Replaced', schema: kind.entity }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412, 429) },
        async handler({ params, body, user, context, header }) {
          const entry = { ...(body as object), id: params.entry_id };
          const base = { profile_id: params.id, actor: user.id, now: context.now };
          const result = await deps.commands.handle(profileAggregate, kind.update(base, entry), context, { expected_version: ifMatchVersion(header('if-match')) });
          return written(deps, params.id, user.id, result, (view) => ({
            status: 200,
            body: entryOf(view, kind.segment, entry.id),
            headers: { ETag: etag(view.version) },
          }));
        },
      }),
      route({
        method: 'delete',
        path: `${path}/:entry_id`,
        rate_limit: 'profiles.update',
        tag,
        summary: `Remove a ${kind.label}`,
        params: EntryParams,
        responses: { 204: { description: 'Removed' }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412, 429) },
        async handler({ params, user, context, header }) {
          const base = { profile_id: params.id, actor: user.id, now: context.now };
          const result = await deps.commands.handle(profileAggregate, kind.remove(base, params.entry_id), context, { expected_version: ifMatchVersion(header('if-match')) });
          return written(deps, params.id, user.id, result, (view) => ({ status: 204, headers: { ETag: etag(view.version) } }));
        },
      }),
    ];
  });
}
