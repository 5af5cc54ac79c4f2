import { ApplicationView } from '../../contracts/applications/http';
import { ApplicationsReadModel } from '../../contracts/applications/read-model';
import { ExportFormat } from '../../contracts/documents/rendering';
import { afterWrite, WriteOutcome } from '../http/after-write';
import { etag } from '../http/etag';
import { HttpResult } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { ApplicationQueries } from './application-queries';

/**
 * What the application routes need. The job and document look-ups and the file come from the
 * composition root (slices do not import each other).
 */
export interface ApplicationRouteDeps {
  commands: CommandHandler;
  queries: ApplicationQueries;
  waiter: ProjectionWaiter;
  /** The id of a job the user may apply to: theirs or a catalogue job, by id or catalogue name (JOB.NOT_FOUND otherwise). */
  jobOf(ref: string, user_id: string): Promise<string>;
  /** The version of the user's document to record: `version` if the document has it, else its current one. */
  documentVersion(document_id: string, user_id: string, version: number | undefined): Promise<number>;
  /** The file of exactly this version of the user's document, its download recorded on the document. */
  documentFile(document_id: string, user_id: string, version: number, format: ExportFormat, context: CommandContext): Promise<HttpResult>;
}

export const APPLICATIONS_BASE = '/api/v1/job-search/applications';

export const viewResult = (status: number, view: ApplicationView): HttpResult => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${APPLICATIONS_BASE}/${view.id}` },
});

/** After a write: the application as the read model now has it (see afterWrite). */
export function written(deps: ApplicationRouteDeps, application_id: string, user_id: string, outcome: WriteOutcome, status = 200): Promise<HttpResult> {
  return afterWrite({
    waiter: deps.waiter,
    readModel: ApplicationsReadModel.name,
    written: outcome,
    location: `${APPLICATIONS_BASE}/${application_id}`,
    respond: async () => viewResult(status, await deps.queries.view(application_id, user_id)),
  });
}
