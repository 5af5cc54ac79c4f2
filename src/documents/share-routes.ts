import { ShareCreated, SharedDocument, SharedDownloadQuery, ShareParams, ShareRequest, TokenParams } from '../../contracts/documents/http';
import { DocumentsReadModel } from '../../contracts/documents/read-model';
import { ExportFormat } from '../../contracts/documents/rendering';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { hashPassword, verifyPassword } from '../shared/passwords';
import { DomainError } from '../shared/errors';
import { randomUUID } from 'node:crypto';
import { documentAggregate } from './document-aggregate';
import { exportFile } from './document-files';
import { fileResponse, fileResult } from './document-file-routes';
import { DOCUMENTS_BASE as BASE, DocumentRouteDeps, SHARED_BASE } from './document-route-deps';
import { checkShare, sharedVersion } from './share-access';
import { hashShareToken, newShareToken } from './share-tokens';

const tag = 'Sharing';
const HOUR_MS = 3_600_000;
/** The header a viewer sends a link's password in (never the URL, which ends up in logs and histories). */
export const SHARE_PASSWORD_HEADER = 'x-share-password';
const passwordHeader = { name: 'X-Share-Password', description: 'The link\'s password, when it has one' };

/**
 * Share links (API-4): the owner creates and revokes them; anyone with the link reads the
 * document, or downloads it, as the link allows. Tokens carry 256 random bits and are stored only
 * as a hash; a password is sent in a header and stored as an scrypt hash. Every view and download
 * through a link is recorded, and counted in the document's analytics.
 */
export function shareRoutes(deps: DocumentRouteDeps): RouteSpec[] {
  /** The live document and link of a token that may do `wanted` now, with the password checked. */
  async function opened(token: string, wanted: 'view' | 'download', password: string | undefined, now: string) {
    const token_hash = hashShareToken(token);
    const doc = await deps.queries.byShareToken(token_hash);
    const share = doc?.shares.find((s) => s.token_hash === token_hash);
    if (!doc || !share) throw new DomainError('SHARE.NOT_FOUND', 'This link does not exist, or its document was deleted or expired');
    checkShare(share, wanted, now);
    if (share.password_hash && !(password && (await verifyPassword(password, share.password_hash)))) {
      throw new DomainError('SHARE.PASSWORD_REQUIRED', `This link has a password: send it in the ${SHARE_PASSWORD_HEADER} header`);
    }
    return { doc, share };
  }

  return [
    route({
      method: 'post',
      path: `${BASE}/:id/share`,
      tag,
      summary: 'Create a share link to a document: view and/or download, expiring in 1–720 hours (default 168), optionally with a password',
      params: IdParams,
      body: ShareRequest,
      responses: { 201: { description: 'The link (shown once)', schema: ShareCreated }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, body, user, context }) {
        const doc = await deps.queries.owned(params.id, user.id);
        if (body.version !== undefined && !doc.versions.some((v) => v.version === body.version)) {
          throw new DomainError('DOCUMENT.VERSION_NOT_FOUND', `The document has no version ${body.version}`);
        }
        const { token, token_hash } = newShareToken();
        const share_id = randomUUID();
        const expires_at = new Date(Date.parse(context.now) + body.expires_in_hours * HOUR_MS).toISOString();
        const password_hash = body.password === undefined ? null : await hashPassword(body.password);
        const permissions = [...new Set(body.permissions)];
        const request = { type: 'ShareDocument', document_id: doc.id, now: context.now, user_id: user.id, share_id, token_hash, password_hash, permissions, expires_at, version: body.version ?? null } as const;
        const result = await deps.commands.handle(documentAggregate, request, context);
        const created: ShareCreated = { share_id, url: `${SHARED_BASE}/${token}`, expires_at, permissions, password_protected: password_hash !== null };
        return afterWrite({ waiter: deps.waiter, readModel: DocumentsReadModel.name, written: result, location: null, respond: async () => ({ status: 201, body: created }) });
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id/shares/:share_id`,
      tag,
      summary: 'Revoke a share link: it stops working at once',
      params: ShareParams,
      responses: { 204: { description: 'Revoked' }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        const request = { type: 'RevokeShare', document_id: params.id, now: context.now, user_id: user.id, share_id: params.share_id } as const;
        const result = await deps.commands.handle(documentAggregate, request, context);
        return afterWrite({ waiter: deps.waiter, readModel: DocumentsReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'get',
      path: `${SHARED_BASE}/:token`,
      auth: false,
      rate_limit: 'documents.download',
      tag,
      summary: 'A shared document (no sign-in): its title and content, if the link allows viewing; password in the X-Share-Password header',
      params: TokenParams,
      headers: [passwordHeader],
      responses: { 200: { description: 'The shared document', schema: SharedDocument }, ...errorResponses(400, 401, 403, 404, 410, 429) },
      async handler({ params, header, context }) {
        const { doc, share } = await opened(params.token, 'view', header(SHARE_PASSWORD_HEADER), context.now);
        const version = sharedVersion(doc, share);
        await deps.commands.handle(documentAggregate, { type: 'RecordShareView', document_id: doc.id, now: context.now, share_id: share.share_id }, { ...context, actor: null });
        const body: SharedDocument = {
          title: doc.title,
          type: doc.type,
          version: version.version,
          permissions: share.permissions,
          expires_at: share.expires_at,
          formats: share.permissions.includes('download') ? ExportFormat.options : [],
          resume: version.resume,
          cover_letter: version.cover_letter,
        };
        return { status: 200, body, headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } };
      },
    }),
    route({
      method: 'get',
      path: `${SHARED_BASE}/:token/download`,
      auth: false,
      rate_limit: 'documents.download',
      tag,
      summary: 'Download a shared document (no sign-in), if the link allows downloading; password in the X-Share-Password header',
      params: TokenParams,
      headers: [passwordHeader],
      query: SharedDownloadQuery,
      responses: { ...fileResponse, ...errorResponses(400, 401, 403, 404, 410, 429) },
      async handler({ params, query, header, context }) {
        const { doc, share } = await opened(params.token, 'download', header(SHARE_PASSWORD_HEADER), context.now);
        const file = await exportFile(deps.files, doc, { format: query.format, version: sharedVersion(doc, share).version });
        const request = { type: 'RecordDownload', document_id: doc.id, now: context.now, version: file.version, format: file.format, share_id: share.share_id } as const;
        await deps.commands.handle(documentAggregate, request, { ...context, actor: null });
        return { ...fileResult(file), headers: { ...fileResult(file).headers, 'Referrer-Policy': 'no-referrer' } };
      },
    }),
  ];
}
