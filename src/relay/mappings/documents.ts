import { DocumentEvent } from '../../../contracts/documents/events';
import { IntegrationTopics } from '../../../contracts/integration';
import * as D from '../../../contracts/integration/documents';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const documents = on(IntegrationTopics.documents);

/** Document events → `jobwise.documents.v1`: ids, versions, formats, sizes and counts; never text, tokens or names. */
export const DOCUMENT_MAPPINGS: AggregateMapping<DocumentEvent['type']> = {
  DocumentCreated: (event) => {
    const { document_id, user_id, type, job_id, profile_id } = event.data;
    return documents(event, build(D.DocumentCreatedV1, event, { document_id, user_id, type, job_id, profile_id }));
  },
  DocumentVersionAdded: (event) => {
    const { version, generation_id, restored_from, ats_score } = event.data;
    return documents(event, build(D.DocumentVersionedV1, event, { document_id: streamEntityId(event.stream_id), version, generation_id, restored_from, ats_score }));
  },
  DocumentDetailsUpdated: (event) =>
    documents(event, build(D.DocumentDetailsUpdatedV1, event, { document_id: streamEntityId(event.stream_id), tags: event.data.tags.length })),
  DocumentExported: (event) => {
    const { version, format, bytes } = event.data;
    return documents(event, build(D.DocumentExportedV1, event, { document_id: streamEntityId(event.stream_id), version, format, bytes }));
  },
  DocumentDownloaded: (event) => {
    const { version, format, share_id } = event.data;
    return documents(event, build(D.DocumentDownloadedV1, event, { document_id: streamEntityId(event.stream_id), version, format, share_id }));
  },
  DocumentShared: (event) => {
    const { share_id, permissions, password_hash, expires_at } = event.data;
    const data = { document_id: streamEntityId(event.stream_id), share_id, permissions, password_protected: password_hash !== null, expires_at };
    return documents(event, build(D.DocumentSharedV1, event, data));
  },
  DocumentShareRevoked: (event) =>
    documents(event, build(D.DocumentShareRevokedV1, event, { document_id: streamEntityId(event.stream_id), share_id: event.data.share_id })),
  DocumentShareViewed: (event) =>
    documents(event, build(D.DocumentViewedV1, event, { document_id: streamEntityId(event.stream_id), share_id: event.data.share_id })),
  DocumentExpired: (event) => documents(event, build(D.DocumentExpiredV1, event, { document_id: event.data.document_id, user_id: event.data.user_id })),
  DocumentDeleted: (event) => documents(event, build(D.DocumentDeletedV1, event, { document_id: event.data.document_id, user_id: event.data.user_id })),
};
