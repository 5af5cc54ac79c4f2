import { z } from 'zod';
import { JobDocument, JobsReadModel, JobView } from '../../contracts/jobs/read-model';
import { ProfileDocument, ProfilesReadModel, ProfileView } from '../../contracts/profiles/read-model';
import { IsoTimestamp } from '../../contracts/shared/primitives';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { SessionView, UserDocument, UsersReadModel, UserView } from '../../contracts/users/http';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { JsonResume, toJsonResume } from './json-resume';

/**
 * The data export (right of access and portability): everything JobWise holds about the caller,
 * read from the read models through their identities in contracts/, plus the caller's sessions.
 * Never a password hash or a token.
 */
export const DataExport = z.object({
  exported_at: IsoTimestamp,
  account: UserView,
  profile: ProfileView.nullable(),
  /** The profile as a JSON Resume document (https://jsonresume.org/schema); null without a profile. */
  json_resume: JsonResume.nullable(),
  /** The jobs the caller created or imported; the static catalogue is not theirs and is left out. */
  jobs: z.array(JobView),
  sessions: z.array(SessionView),
});
export type DataExport = z.infer<typeof DataExport>;

export interface ExportRouteDeps {
  readStore: ReadStore;
  /** The caller's sessions (refresh-token families), from the users slice. */
  sessionsOf(user_id: string): Promise<SessionView[]>;
}

const jobView = (doc: JobDocument): JobView => {
  const { search_terms: _terms, content_hash: _hash, ...view } = withoutBookkeeping(doc);
  return view;
};

export function exportRoutes(deps: ExportRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/auth/me/export',
      tag: 'Auth',
      summary: 'Everything JobWise holds about you, as JSON (the profile also as a JSON Resume document)',
      responses: { 200: { description: 'Your data, as an attachment `jobwise-export.json`', schema: DataExport }, ...errorResponses(401) },
      async handler({ user, context }) {
        const users = deps.readStore.collection<UserDocument>(UsersReadModel.collection);
        const profiles = deps.readStore.collection<ProfileDocument>(ProfilesReadModel.collection);
        const jobs = deps.readStore.collection<JobDocument>(JobsReadModel.collection);
        const [account, [profile], own, sessions] = await Promise.all([
          users.get(user.id),
          profiles.find(live({ user_id: user.id }), { limit: 1 }),
          jobs.find(live({ user_id: user.id })),
          deps.sessionsOf(user.id),
        ]);
        if (!account || account._deleted) throw new DomainError('USER.NOT_FOUND', 'Your account is not available yet; try again shortly');
        const profileView = profile ? withoutBookkeeping(profile) : null;
        const body: DataExport = {
          exported_at: context.now,
          account: { id: account.id, email: account.email, full_name: account.full_name, roles: account.roles, created_at: account.created_at },
          profile: profileView,
          json_resume: profileView ? toJsonResume(profileView) : null,
          jobs: own.filter((doc) => doc.user_id === user.id).map(jobView),
          sessions,
        };
        return { status: 200, body, headers: { 'Content-Disposition': 'attachment; filename="jobwise-export.json"' } };
      },
    }),
  ];
}
