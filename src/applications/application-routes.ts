import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ApplicationCreateRequest,
  ApplicationDocumentQuery,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationStats,
  ApplicationUpdateRequest,
  ApplicationView,
} from '../../contracts/applications/http';
import { ApplicationsReadModel } from '../../contracts/applications/read-model';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { ifMatchVersion } from '../http/etag';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { contentTypes } from '../rendering';
import { DomainError } from '../shared/errors';
import { applicationAggregate } from './application-aggregate';
import { TRANSITIONS_TEXT } from './application-decider';
import { APPLICATIONS_BASE as BASE, ApplicationRouteDeps, viewResult, written } from './application-route-deps';

const tag = 'Applications';

const fileResponse = {
  200: { description: 'The document version the application recorded, as an attachment', schema: z.string().meta({ format: 'binary' }), content_types: Object.values(contentTypes) },
};

/**
 * Application tracking (API-5): the jobs you apply to, the exact document version you sent, and
 * each status change on a timeline. Literal paths (`/stats`) come before `/:id`.
 */
export function applicationRoutes(deps: ApplicationRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: BASE,
      tag,
      summary: 'Track an application to a job of yours or of the catalogue, with the document (and version, default its current one) you sent',
      body: ApplicationCreateRequest,
      responses: { 201: { description: 'Created', schema: ApplicationView }, ...acceptedResponse, ...errorResponses(400, 401, 404) },
      async handler({ body, user, context }) {
        const { job_id: ref, document_id, document_version: asked, ...rest } = body;
        const job_id = await deps.jobOf(ref, user.id);
        const document_version = document_id ? await deps.documentVersion(document_id, user.id, asked) : null;
        const application_id = randomUUID();
        const request = {
          type: 'CreateApplication',
          application_id,
          user_id: user.id,
          now: context.now,
          job_id,
          document_id: document_id ?? null,
          document_version,
          status: rest.status,
          applied_date: rest.applied_date ?? null,
          notes: rest.notes ?? '',
        } as const;
        const result = await deps.commands.handle(applicationAggregate, request, context);
        return written(deps, application_id, user.id, result, 201);
      },
    }),
    route({
      method: 'get',
      path: BASE,
      tag,
      summary: 'Your applications, newest first, filtered by status and job',
      query: ApplicationListQuery,
      responses: { 200: { description: 'A page of your applications', schema: ApplicationPage }, ...errorResponses(400, 401) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/stats`,
      tag,
      summary: 'Your application funnel: counts per status, response rate of applied applications, median days between stages',
      responses: { 200: { description: 'The funnel', schema: ApplicationStats }, ...errorResponses(401) },
      async handler({ user }) {
        return { status: 200, body: await deps.queries.stats(user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      tag,
      summary: 'An application of yours with its full status timeline',
      params: IdParams,
      responses: { 200: { description: 'The application', schema: ApplicationView }, ...errorResponses(400, 401, 404) },
      async handler({ params, user }) {
        return viewResult(200, await deps.queries.view(params.id, user.id));
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/:id`,
      tag,
      summary: `Change the status (with a note for the timeline) and/or the notes (honours If-Match). Allowed: ${TRANSITIONS_TEXT}; anything else is 409`,
      params: IdParams,
      body: ApplicationUpdateRequest,
      responses: { 200: { description: 'The application', schema: ApplicationView }, ...acceptedResponse, ...errorResponses(400, 401, 404, 409, 412) },
      async handler({ params, body, user, context, header }) {
        // Ownership first: If-Match is compared before the decider runs, and another user's application must be 404, not 412.
        await deps.queries.owned(params.id, user.id);
        const request = { type: 'UpdateApplication', application_id: params.id, user_id: user.id, now: context.now, ...body } as const;
        const result = await deps.commands.handle(applicationAggregate, request, context, { expected_version: ifMatchVersion(header('if-match')) });
        return written(deps, params.id, user.id, result);
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Delete an application of yours (honours If-Match); the document it recorded stays',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, ...acceptedResponse, ...errorResponses(400, 401, 404, 412) },
      async handler({ params, user, context, header }) {
        await deps.queries.owned(params.id, user.id);
        const request = { type: 'DeleteApplication', application_id: params.id, user_id: user.id, now: context.now } as const;
        const result = await deps.commands.handle(applicationAggregate, request, context, { expected_version: ifMatchVersion(header('if-match')) });
        return afterWrite({ waiter: deps.waiter, readModel: ApplicationsReadModel.name, written: result, location: null, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/document`,
      rate_limit: 'documents.download',
      tag,
      summary: 'Download the document version the application recorded (even after the document got newer versions), in a format (default pdf)',
      params: IdParams,
      query: ApplicationDocumentQuery,
      responses: { ...fileResponse, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, query, user, context }) {
        const application = await deps.queries.owned(params.id, user.id);
        if (!application.document_id || !application.document_version) throw new DomainError('DOCUMENT.NOT_FOUND', 'The application records no document');
        return deps.documentFile(application.document_id, user.id, application.document_version, query.format, context);
      },
    }),
  ];
}
