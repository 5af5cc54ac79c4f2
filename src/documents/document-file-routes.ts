import { z } from 'zod';
import { DownloadQuery, ExportFormatList, ExportRequest, ExportResult } from '../../contracts/documents/http';
import { DocumentsReadModel } from '../../contracts/documents/read-model';
import { ExportFormat, PageSize } from '../../contracts/documents/rendering';
import { Template } from '../../contracts/generations/content';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { HttpResult, IdParams, route, RouteSpec } from '../http/route';
import { contentTypes } from '../rendering';
import { documentAggregate } from './document-aggregate';
import { ExportFile, exportFile } from './document-files';
import { DOCUMENTS_BASE as BASE, DocumentRouteDeps } from './document-route-deps';
import { contentDisposition } from './file-names';

const tag = 'Documents';

const DESCRIPTIONS: Record<ExportFormat, string> = {
  pdf: 'PDF with embedded Unicode fonts and real, extractable text in reading order; US letter or A4',
  docx: 'Word document with real heading styles and list numbering; opens in Word and LibreOffice',
  html: 'One standalone HTML file with print CSS; every piece of your text escaped',
  md: 'Markdown with the headings kept',
  txt: 'Plain text wrapped at 80 columns',
};

/** The answer carrying a file: its type, a safe file name (RFC 6266) and no caching by shared caches. */
export function fileResult(file: ExportFile): HttpResult {
  return {
    status: 200,
    body: file.bytes,
    headers: {
      'Content-Type': file.content_type,
      'Content-Disposition': contentDisposition(file.file_name),
      'Cache-Control': 'private, no-store',
    },
  };
}

export const fileResponse = {
  200: {
    description: 'The file, as an attachment named after you, the document type and the job',
    schema: z.string().meta({ format: 'binary' }),
    content_types: Object.values(contentTypes),
  },
};

/** Export formats, exports and downloads of documents (API-4). */
export function documentFileRoutes(deps: DocumentRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: `${BASE}/export-formats`,
      tag,
      summary: 'The formats a document exports to, with their media types, templates and page sizes',
      responses: { 200: { description: 'The formats', schema: ExportFormatList }, ...errorResponses(401) },
      async handler() {
        const formats = ExportFormat.options.map((format) => ({
          format,
          content_type: contentTypes[format],
          extension: `.${format}`,
          description: DESCRIPTIONS[format],
          templates: Template.options,
          page_sizes: PageSize.options,
        }));
        return { status: 200, body: { formats } };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/export`,
      rate_limit: 'documents.download',
      tag,
      summary: 'Render a version (default: the current one) to a format, template and page size; the file is kept for download',
      params: IdParams,
      body: ExportRequest,
      responses: { 200: { description: 'The export', schema: ExportResult }, ...acceptedResponse, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, body, user, context }) {
        const doc = await deps.queries.owned(params.id, user.id);
        const file = await exportFile(deps.files, doc, body);
        const { bytes: _bytes, ...about } = file;
        const request = { type: 'RecordExport', document_id: doc.id, now: context.now, user_id: user.id, ...about, bytes: file.bytes.length } as const;
        const result = await deps.commands.handle(documentAggregate, request, context);
        const query = new URLSearchParams({ format: file.format, version: String(file.version), template: file.template, page_size: file.page_size });
        const body_: ExportResult = {
          document_id: doc.id,
          version: file.version,
          format: file.format,
          template: file.template,
          page_size: file.page_size,
          bytes: file.bytes.length,
          content_type: file.content_type,
          file_name: file.file_name,
          download_url: `${BASE}/${doc.id}/download?${query}`,
        };
        return afterWrite({ waiter: deps.waiter, readModel: DocumentsReadModel.name, written: result, location: null, respond: async () => ({ status: 200, body: body_ }) });
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/download`,
      rate_limit: 'documents.download',
      tag,
      summary: 'Download a version (default: the current one) in a format (default pdf), template and page size',
      params: IdParams,
      query: DownloadQuery,
      responses: { ...fileResponse, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, query, user, context }) {
        const doc = await deps.queries.owned(params.id, user.id);
        const file = await exportFile(deps.files, doc, query);
        const request = { type: 'RecordDownload', document_id: doc.id, now: context.now, version: file.version, format: file.format, share_id: null } as const;
        await deps.commands.handle(documentAggregate, request, context);
        return fileResult(file);
      },
    }),
  ];
}
