import { AuditDocument, AuditReadModel } from '../contracts/admin/read-model';
import { DomainEventSchemas } from '../contracts/events';
import { Projection } from '../contracts/shared/projection';

/**
 * `audit_v1`: one document per stored event with its metadata only, for GET /admin/audit
 * (filters on actor, aggregate, event type and time; cursor pages in log order). Never the
 * event's data: the audit index holds nothing personal beyond ids.
 */
export const auditProjection: Projection<AuditDocument> = {
  ...AuditReadModel,
  owner: 'subject',
  // Every event but the erasure itself: its entry would name the erased user after their others
  // were removed (the runner still deletes the user's entries on it, as in every projection).
  handles: DomainEventSchemas.map((s) => s.shape.type.value).filter((type) => type !== 'UserErased'),
  indexes: [{ fields: { position: 1 } }, { fields: { actor: 1, position: 1 } }, { fields: { aggregate: 1, position: 1 } }, { fields: { event_type: 1, position: 1 } }],
  documentId: (event) => event.event_id,
  documentPerEvent: true,
  metadataOnly: true,
  evolve(_current, event) {
    const dash = event.stream_id.indexOf('-');
    const aggregate = dash < 0 ? event.stream_id : event.stream_id.slice(0, dash);
    return {
      subject: aggregate === 'user' ? event.stream_id.slice(dash + 1) : event.metadata.actor,
      event_id: event.event_id,
      event_type: event.type,
      aggregate,
      stream_id: event.stream_id,
      revision: event.revision,
      position: event.position,
      actor: event.metadata.actor,
      correlation_id: event.metadata.correlation_id,
      causation_id: event.metadata.causation_id,
      occurred_at: event.metadata.occurred_at,
    };
  },
};
