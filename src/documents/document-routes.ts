import { DocumentAnalytics, DocumentDetailsRequest, DocumentListQuery, DocumentPage, DocumentView, UsageStats, VersionList, VersionParams, VersionView } from '../../contracts/documents/http';
import { DocumentsReadModel } from '../../contracts/documents/read-model';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { DomainError } from '../shared/errors';
import { documentAggregate } from './document-aggregate';
import { removeDocument } from './document-removal';
import { DOCUMENTS_BASE as BASE, DocumentRouteDeps, viewResult, written } from './document-route-deps';

const tag = 'Documents';

/**
 * The Document API's documents and versions (API-4). Documents are created by the pipeline
 * (one per job and type; a regeneration adds a version); here they are listed, read, renamed,
 * restored and deleted. Literal paths (`/usage-stats`) come before `/:id`.
 */
export function documentRoutes(deps: DocumentRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: BASE,
      rate_limit: 'documents.list',
      tag,
      summary: 'Your documents, newest first, filtered by type, job, generation, tag and creation time',
      query: DocumentListQuery,
      responses: { 200: { description: 'A page of your documents', schema: DocumentPage }, ...errorResponses(400, 401, 429) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/usage-stats`,
      tag,
      summary: 'Your documents in numbers: how many, versions, exports per format, downloads, share views, links, expiring soon',
      responses: { 200: { description: 'Usage statistics', schema: UsageStats }, ...errorResponses(401) },
      async handler({ user, context }) {
        return { status: 200, body: await deps.queries.usage(user.id, context.now) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      tag,
      summary: 'A document of yours: title, notes, tags, current version, expiry',
      params: IdParams,
      responses: { 200: { description: 'The document', schema: DocumentView }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return viewResult(200, await deps.queries.view(params.id, user.id));
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id`,
      tag,
      summary: 'Change the title, notes or tags of a document (what is left out stays)',
      params: IdParams,
      body: DocumentDetailsRequest,
      responses: { 200: { description: 'The document', schema: DocumentView }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, body, user, context }) {
        const request = { type: 'UpdateDetails', document_id: params.id, now: context.now, user_id: user.id, ...body } as const;
        const result = await deps.commands.handle(documentAggregate, request, context);
        return written(deps, params.id, user.id, result);
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Delete a document with every version, its files and its share links',
      params: IdParams,
      responses: { 204: { description: 'Deleted (or there was no such document of yours)' }, ...acceptedResponse, ...errorResponses(400, 401) },
      async handler({ params, user, context }) {
        const doc = await deps.queries.owned(params.id, user.id).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'DOCUMENT.NOT_FOUND') return null;
          throw error;
        });
        if (!doc) return { status: 204 };
        const outcome = await removeDocument(deps, doc, 'DeleteDocument', context);
        return afterWrite({ waiter: deps.waiter, readModel: DocumentsReadModel.name, written: outcome, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/versions`,
      tag,
      summary: 'Every version of a document, oldest first, with the generation (or restore) that made it and its ATS score',
      params: IdParams,
      responses: { 200: { description: 'The versions', schema: VersionList }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        const doc = await deps.queries.owned(params.id, user.id);
        return { status: 200, body: { items: doc.versions.map(({ resume: _r, cover_letter: _c, ...summary }) => summary) } };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/versions/:n`,
      tag,
      summary: 'One version of a document with its content',
      params: VersionParams,
      responses: { 200: { description: 'The version', schema: VersionView }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return { status: 200, body: await deps.queries.version(params.id, user.id, params.n) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/versions/:n/restore`,
      tag,
      summary: 'Make an old version current again: it is copied as a new version, and history stays intact',
      params: VersionParams,
      responses: { 200: { description: 'The document, with the copy as its current version', schema: DocumentView }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const request = { type: 'RestoreVersion', document_id: params.id, now: context.now, user_id: user.id, version: params.n, retention_days: deps.retention_days } as const;
        const result = await deps.commands.handle(documentAggregate, request, context);
        return written(deps, params.id, user.id, result);
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/analytics`,
      tag,
      summary: 'How a document is used: versions and their ATS scores, exports and downloads per format, share links with their views and downloads',
      params: IdParams,
      responses: { 200: { description: 'The analytics', schema: DocumentAnalytics }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return { status: 200, body: await deps.queries.analytics(params.id, user.id) };
      },
    }),
  ];
}

