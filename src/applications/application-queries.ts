import { ApplicationListQuery, ApplicationPage, ApplicationStats, ApplicationSummary, ApplicationView } from '../../contracts/applications/http';
import { ApplicationDocument, ApplicationsReadModel } from '../../contracts/applications/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { Filter, ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';
import { applicationStats } from './application-stats';

const notFound = () => new DomainError('APPLICATION.NOT_FOUND', 'Application not found');
const NEWEST_FIRST = { created_at: -1 } as const;

export function toView(doc: ApplicationDocument): ApplicationView {
  const { user_id: _user, ...view } = withoutBookkeeping(doc);
  return view;
}

const toSummary = (doc: ApplicationDocument): ApplicationSummary => {
  const { timeline: _timeline, ...summary } = toView(doc);
  return summary;
};

/** Reads of `applications_v1`, always scoped to the caller: another user's application is reported as missing. */
export class ApplicationQueries {
  constructor(private readonly store: ReadStore) {}

  private get applications() {
    return this.store.collection<ApplicationDocument>(ApplicationsReadModel.collection);
  }

  async owned(application_id: string, user_id: string): Promise<ApplicationDocument> {
    const doc = await this.applications.get(application_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return doc;
  }

  async view(application_id: string, user_id: string): Promise<ApplicationView> {
    return toView(await this.owned(application_id, user_id));
  }

  /** The caller's applications, newest first; `total` counts every match. */
  async list(query: ApplicationListQuery, user_id: string): Promise<ApplicationPage> {
    const clauses: Filter[] = [{ user_id }];
    if (query.status) clauses.push({ status: query.status });
    if (query.job_id) clauses.push({ job_id: query.job_id });
    const filter = live({ $and: clauses });
    const { limit, offset } = query;
    const [docs, total] = await Promise.all([this.applications.find(filter, { sort: NEWEST_FIRST, skip: offset, limit }), this.applications.count(filter)]);
    return { items: docs.map(toSummary), total, limit, offset };
  }

  async stats(user_id: string): Promise<ApplicationStats> {
    return applicationStats(await this.applications.find(live({ user_id })));
  }
}
