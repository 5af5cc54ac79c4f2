import { JobAlertDigestDocument, JobAlertDigestsReadModel, JobAlertDocument, JobAlertListQuery, JobAlertPage, JobAlertsReadModel, JobAlertView } from '../../../contracts/job-search/alerts';
import { SavedSearchDocument, SavedSearchesReadModel } from '../../../contracts/job-search/saved-searches';
import { JobDocument, JobsReadModel } from '../../../contracts/jobs/read-model';
import { live, withoutBookkeeping } from '../../../contracts/shared/read-model';
import { Filter, ReadStore } from '../../read-store/port';
import { DomainError } from '../../shared/errors';
import { AlertCandidate } from './alert-match';

const notFound = () => new DomainError('JOB_ALERT.NOT_FOUND', 'Job alert not found');

export const toView = (doc: JobAlertDocument): JobAlertView => {
  const { user_id: _user, ...view } = withoutBookkeeping(doc);
  return view;
};

/** Reads of `job_alerts_v1` (the caller's, or every running one for the matcher), digests and the job an alert is about. */
export class AlertQueries {
  constructor(private readonly store: ReadStore) {}

  private get alerts() {
    return this.store.collection<JobAlertDocument>(JobAlertsReadModel.collection);
  }

  async owned(alert_id: string, user_id: string): Promise<JobAlertDocument> {
    const doc = await this.alerts.get(alert_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return doc;
  }

  async view(alert_id: string, user_id: string): Promise<JobAlertView> {
    return toView(await this.owned(alert_id, user_id));
  }

  /** The caller's alerts, newest first, optionally those of one saved search. */
  async list(query: JobAlertListQuery, user_id: string): Promise<JobAlertPage> {
    const filter = live(query.criteria_id ? { user_id, criteria_id: query.criteria_id } : { user_id });
    const [docs, total] = await Promise.all([this.alerts.find(filter, { sort: { created_at: -1 }, skip: query.offset, limit: query.limit }), this.alerts.count(filter)]);
    return { items: docs.map(toView), total, limit: query.limit, offset: query.offset };
  }

  count(user_id: string): Promise<number> {
    return this.alerts.count(live({ user_id }));
  }

  /** The caller's alerts on one saved search. */
  ofCriteria(criteria_id: string, user_id: string): Promise<JobAlertDocument[]> {
    return this.alerts.find(live({ user_id, criteria_id }));
  }

  /**
   * Every running alert with its saved search's criteria, of `user_id` only when given (a job
   * somebody owns concerns nobody else). An alert whose saved search is gone is left out.
   */
  async running(user_id: string | null): Promise<AlertCandidate[]> {
    const filter: Filter = live(user_id ? { paused: false, user_id } : { paused: false });
    const alerts = await this.alerts.find(filter);
    if (alerts.length === 0) return [];
    const criteria_ids = [...new Set(alerts.map((alert) => alert.criteria_id))];
    const searches = await this.store.collection<SavedSearchDocument>(SavedSearchesReadModel.collection).find(live({ id: { $in: criteria_ids } }));
    const byId = new Map(searches.map((search) => [search.id, search]));
    return alerts.flatMap((alert) => {
      const search = byId.get(alert.criteria_id);
      if (!search || search.user_id !== alert.user_id) return [];
      return [{ alert_id: alert.id, user_id: alert.user_id, frequency: alert.frequency, created_at: alert.created_at, query: search.query, filters: search.filters }];
    });
  }

  /** The job as `jobs_v2` has it (tombstones included), or null when not projected yet. */
  job(job_id: string): Promise<JobDocument | null> {
    return this.store.collection<JobDocument>(JobsReadModel.collection).get(job_id);
  }

  /** Digests not sent whose period has ended by `now`. */
  dueDigests(now: string): Promise<JobAlertDigestDocument[]> {
    return this.store.collection<JobAlertDigestDocument>(JobAlertDigestsReadModel.collection).find(live({ sent: false, period_end: { $lte: now } }), { sort: { period_end: 1 }, limit: 500 });
  }
}
