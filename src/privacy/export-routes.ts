import { z } from 'zod';
import { ApplicationDocument, ApplicationsReadModel } from '../../contracts/applications/read-model';
import { ApplicationView } from '../../contracts/applications/http';
import { DocumentDocument, DocumentsReadModel } from '../../contracts/documents/read-model';
import { GenerationDocument, GenerationsReadModel } from '../../contracts/generations/read-model';
import { JobAlertDocument, JobAlertsReadModel, JobAlertView } from '../../contracts/job-search/alerts';
import { SavedSearchDocument, SavedSearchesReadModel, SavedSearchView } from '../../contracts/job-search/saved-searches';
import { JobDocument, JobsReadModel, JobView } from '../../contracts/jobs/read-model';
import { DEFAULT_PREFERENCES, NotificationDocument, NotificationsReadModel, PreferencesDocument, PreferencesReadModel } from '../../contracts/notifications/read-model';
import { NotificationView, Preferences } from '../../contracts/notifications/http';
import { DataExport, ExportedDocument, ExportedGeneration } from '../../contracts/privacy/data-export';
import { ProfileDocument, ProfilesReadModel } from '../../contracts/profiles/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { SessionView, UserDocument, UsersReadModel } from '../../contracts/users/http';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { toJsonResume } from './json-resume';

export { DataExport };

export interface ExportRouteDeps {
  readStore: ReadStore;
  /** The caller's sessions (refresh-token families), from the users slice. */
  sessionsOf(user_id: string): Promise<SessionView[]>;
}

/** A stored document read through its view's schema: what the view does not show is dropped. */
const through = <S extends z.ZodType>(schema: S) => (doc: object): z.output<S> => schema.parse(doc);

/**
 * GET /auth/me/export: every read model that holds the caller's data, read by owner. A new
 * slice that keeps user data adds its section to DataExport and here.
 */
export function exportRoutes(deps: ExportRouteDeps): RouteSpec[] {
  const owned = <D extends { user_id: string | null }>(collection: string, user_id: string, sort: Record<string, 1 | -1> = { created_at: 1 }) =>
    deps.readStore.collection<D & { _id: string }>(collection).find(live({ user_id }), { sort });
  return [
    route({
      method: 'get',
      path: '/api/v1/auth/me/export',
      tag: 'Auth',
      summary: 'Everything JobWise holds about you, as JSON (the profile also as a JSON Resume document)',
      responses: { 200: { description: 'Your data, as an attachment `jobwise-export.json`', schema: DataExport }, ...errorResponses(401) },
      async handler({ user, context }) {
        const users = deps.readStore.collection<UserDocument>(UsersReadModel.collection);
        const preferences = deps.readStore.collection<PreferencesDocument>(PreferencesReadModel.collection);
        const [account, [profile], jobs, generations, documents, applications, searches, alerts, notifications, prefs, sessions] = await Promise.all([
          users.get(user.id),
          owned<ProfileDocument>(ProfilesReadModel.collection, user.id),
          owned<JobDocument>(JobsReadModel.collection, user.id),
          owned<GenerationDocument>(GenerationsReadModel.collection, user.id),
          owned<DocumentDocument>(DocumentsReadModel.collection, user.id),
          owned<ApplicationDocument>(ApplicationsReadModel.collection, user.id),
          owned<SavedSearchDocument>(SavedSearchesReadModel.collection, user.id),
          owned<JobAlertDocument>(JobAlertsReadModel.collection, user.id),
          owned<NotificationDocument>(NotificationsReadModel.collection, user.id),
          preferences.find(live({ user_id: user.id }), { limit: 1 }),
          deps.sessionsOf(user.id),
        ]);
        if (!account || account._deleted) throw new DomainError('USER.NOT_FOUND', 'Your account is not available yet; try again shortly');
        const profileView = profile ? withoutBookkeeping(profile) : null;
        const body: DataExport = {
          exported_at: context.now,
          account: { id: account.id, email: account.email, full_name: account.full_name, roles: account.roles, created_at: account.created_at },
          profile: profileView,
          json_resume: profileView ? toJsonResume(profileView) : null,
          jobs: jobs.map(through(JobView)),
          generations: generations.map(through(ExportedGeneration)),
          documents: documents.map(through(ExportedDocument)),
          applications: applications.map(through(ApplicationView)),
          saved_searches: searches.map(through(SavedSearchView)),
          job_alerts: alerts.map(through(JobAlertView)),
          notifications: { items: notifications.map(through(NotificationView)), preferences: prefs[0] ? through(Preferences)(prefs[0]) : DEFAULT_PREFERENCES },
          sessions,
        };
        return { status: 200, body, headers: { 'Content-Disposition': 'attachment; filename="jobwise-export.json"' } };
      },
    }),
  ];
}
