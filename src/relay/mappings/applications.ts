import { ApplicationEvent } from '../../../contracts/applications/events';
import { IntegrationTopics } from '../../../contracts/integration';
import * as A from '../../../contracts/integration/applications';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const applications = on(IntegrationTopics.applications);

/** Application events → `jobwise.applications.v1`: ids, statuses and document versions; never notes. */
export const APPLICATION_MAPPINGS: AggregateMapping<ApplicationEvent['type']> = {
  ApplicationCreated: (event) => {
    const { application_id, user_id, job_id, document_id, document_version, status } = event.data;
    return applications(event, build(A.ApplicationCreatedV1, event, { application_id, user_id, job_id, document_id, document_version, status }));
  },
  ApplicationStatusChanged: (event) => {
    const { from, to } = event.data;
    return applications(event, build(A.ApplicationStatusChangedV1, event, { application_id: streamEntityId(event.stream_id), from, to }));
  },
  ApplicationNotesUpdated: (event) => applications(event, build(A.ApplicationNotesUpdatedV1, event, { application_id: streamEntityId(event.stream_id) })),
  ApplicationDeleted: (event) =>
    applications(event, build(A.ApplicationDeletedV1, event, { application_id: event.data.application_id, user_id: event.data.user_id })),
};
