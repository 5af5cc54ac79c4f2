import { DocumentCommand } from '../../contracts/documents/commands';
import { DocumentEvent } from '../../contracts/documents/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';
import { documentDecider, DocumentState } from './document-decider';

/** Documents live on `document-<uuid>` streams; a request is the command itself. */
export const documentAggregate: Aggregate<DocumentCommand, DocumentCommand, DocumentEvent, DocumentState> = {
  decider: documentDecider,
  streamOf: (command) => streamName('document', command.document_id),
};
