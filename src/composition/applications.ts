import { ApplicationQueries } from '../applications/application-queries';
import { ApplicationRouteDeps } from '../applications/application-route-deps';
import { applicationRoutes } from '../applications/application-routes';
import { documentAggregate } from '../documents/document-aggregate';
import { fileResult } from '../documents/document-file-routes';
import { exportFile } from '../documents/document-files';
import { DocumentQueries } from '../documents/document-queries';
import { GenerationQueries } from '../generations/generation-queries';
import { RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { FileStore } from '../storage/port';

/**
 * The application-tracking routes (issue 14 item 3). An application names a job (the caller's or
 * a catalogue job, checked as a generation checks it) and a version of one of the caller's
 * documents, whose file it serves through the documents slice's export and download.
 */
export function applicationApiRoutes(deps: { commands: CommandHandler; readStore: ReadStore; waiter: ProjectionWaiter; files: FileStore }): RouteSpec[] {
  const jobs = new GenerationQueries(deps.readStore);
  const documents = new DocumentQueries(deps.readStore);
  const routeDeps: ApplicationRouteDeps = {
    commands: deps.commands,
    queries: new ApplicationQueries(deps.readStore),
    waiter: deps.waiter,
    jobOf: async (ref, user_id) => (await jobs.job(ref, user_id)).id,
    async documentVersion(document_id, user_id, version) {
      const doc = await documents.owned(document_id, user_id);
      if (version === undefined) return doc.current_version;
      if (!doc.versions.some((v) => v.version === version)) throw new DomainError('DOCUMENT.VERSION_NOT_FOUND', `The document has no version ${version}`);
      return version;
    },
    async documentFile(document_id, user_id, version, format, context) {
      const doc = await documents.owned(document_id, user_id);
      const file = await exportFile(deps.files, doc, { format, version });
      const request = { type: 'RecordDownload', document_id, now: context.now, version: file.version, format: file.format, share_id: null } as const;
      await deps.commands.handle(documentAggregate, request, context);
      return fileResult(file);
    },
  };
  return applicationRoutes(routeDeps);
}
