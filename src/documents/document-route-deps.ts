import { DocumentView } from '../../contracts/documents/http';
import { DocumentsReadModel } from '../../contracts/documents/read-model';
import { afterWrite, WriteOutcome } from '../http/after-write';
import { etag } from '../http/etag';
import { HttpResult } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { FileStore } from '../storage/port';
import { DocumentQueries } from './document-queries';

export interface DocumentRouteDeps {
  commands: CommandHandler;
  queries: DocumentQueries;
  waiter: ProjectionWaiter;
  files: FileStore;
  /** DOCUMENT_RETENTION_DAYS: a document expires this long after its last version. */
  retention_days: number;
}

export const DOCUMENTS_BASE = '/api/v1/documents';
export const SHARED_BASE = '/api/v1/shared';

export const viewResult = (status: number, view: DocumentView): HttpResult => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${DOCUMENTS_BASE}/${view.id}` },
});

/** After a write: the document as the read model now has it (see afterWrite). */
export function written(deps: DocumentRouteDeps, document_id: string, user_id: string, outcome: WriteOutcome, respond?: () => Promise<HttpResult>): Promise<HttpResult> {
  return afterWrite({
    waiter: deps.waiter,
    readModel: DocumentsReadModel.name,
    written: outcome,
    location: `${DOCUMENTS_BASE}/${document_id}`,
    respond: respond ?? (async () => viewResult(200, await deps.queries.view(document_id, user_id))),
  });
}
