import { JobAlertDigestDocument, JobAlertDigestsReadModel, JobAlertDocument, JobAlertsReadModel } from '../contracts/job-search/alerts';
import { JobAlertDigestEventSchemas, JobAlertEventSchemas } from '../contracts/job-search/alerts-events';
import { Projection } from '../contracts/shared/projection';

/** `job_alerts_v1`: one document per live alert, for its owner's list and for the matcher (the unpaused ones). */
export const jobAlertsProjection: Projection<JobAlertDocument> = {
  ...JobAlertsReadModel,
  owner: 'user_id',
  handles: JobAlertEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, created_at: -1 } }, { fields: { paused: 1 } }, { fields: { criteria_id: 1 } }],
  documentId: (event) => event.stream_id.slice('jobalert-'.length),
  evolve(current, event) {
    const at = event.metadata.occurred_at;
    const stamp = { version: event.revision + 1, updated_at: at };
    switch (event.type) {
      case 'JobAlertCreated': {
        const { alert_id, user_id, criteria_id, frequency } = event.data;
        return { id: alert_id, user_id, criteria_id, frequency, paused: false, created_at: at, ...stamp };
      }
      case 'JobAlertPaused':
      case 'JobAlertResumed':
        return current ? { ...current, paused: event.type === 'JobAlertPaused', ...stamp } : null;
      default:
        return null;
    }
  },
};

/** `job_alert_digests_v1`: one document per digest, its jobs and whether it was closed and sent. */
export const jobAlertDigestsProjection: Projection<JobAlertDigestDocument> = {
  ...JobAlertDigestsReadModel,
  owner: 'user_id',
  handles: JobAlertDigestEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { sent: 1, period_end: 1 } }],
  documentId: (event) => event.stream_id.slice('jobalertdigest-'.length),
  evolve(current, event) {
    switch (event.type) {
      case 'JobAlertDigestJobAdded': {
        const { digest_id, user_id, frequency, period_start, period_end, job_id } = event.data;
        const base = current ?? { id: digest_id, user_id, frequency, period_start, period_end, job_ids: [], closed: false, sent: false };
        return { ...base, job_ids: [...base.job_ids, job_id] };
      }
      case 'JobAlertDigestClosed':
        return current ? { ...current, job_ids: event.data.job_ids, closed: true } : null;
      case 'JobAlertDigestSent':
        return current ? { ...current, sent: true } : null;
      default:
        return current;
    }
  },
};
