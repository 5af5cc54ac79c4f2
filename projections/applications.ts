import { ApplicationEventSchemas } from '../contracts/applications/events';
import { ApplicationDocument, ApplicationsReadModel } from '../contracts/applications/read-model';
import { Projection } from '../contracts/shared/projection';

/**
 * `applications_v1`: one document per live application, serving the list (yours, by status or
 * job, newest first), the detail with its status timeline, the download of the document version
 * sent and the funnel statistics. A deleted application leaves a tombstone.
 */
export const applicationsProjection: Projection<ApplicationDocument> = {
  ...ApplicationsReadModel,
  owner: 'user_id',
  handles: ApplicationEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, created_at: -1 } }],
  documentId: (event) => event.stream_id.slice('application-'.length),
  evolve(current, event) {
    const at = event.metadata.occurred_at;
    const stamp = { version: event.revision + 1, updated_at: at };
    if (event.type === 'ApplicationCreated') {
      const { application_id, user_id, job_id, document_id, document_version, status, applied_date, notes } = event.data;
      const timeline = [{ from: null, to: status, at, note: null }];
      return { id: application_id, user_id, job_id, document_id, document_version, status, applied_date, notes, timeline, created_at: at, ...stamp };
    }
    if (!current) return null;
    switch (event.type) {
      case 'ApplicationStatusChanged': {
        const { from, to, note, applied_date } = event.data;
        return { ...current, status: to, applied_date: applied_date ?? current.applied_date, timeline: [...current.timeline, { from, to, at, note }], ...stamp };
      }
      case 'ApplicationNotesUpdated':
        return { ...current, notes: event.data.notes, ...stamp };
      case 'ApplicationDeleted':
        return null;
      default:
        return current;
    }
  },
};
