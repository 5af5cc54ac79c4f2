import { z } from 'zod';
import { ConversionResult, ConvertTextRequest, JobContent, JobTemplate, ValidationResult } from '../../contracts/jobs/job';
import { JobView } from '../../contracts/jobs/read-model';
import { errorResponses } from '../http/openapi-responses';
import { route, RouteSpec } from '../http/route';
import { DomainError } from '../shared/errors';
import { convertText, fromImportDocument, jobTemplate, validateJob } from '../job-conversion';
import { todayOf } from './expiry';
import { JOBS_BASE as BASE, JobRouteDeps, viewResult, written } from './job-route-deps';
import { jobAggregate } from './job-aggregate';
import { acceptedResponse } from '../http/after-write';
import { randomUUID } from 'node:crypto';

const tag = 'Job tools';

/** Any JSON document: the tools report what is wrong with it rather than rejecting it at the edge. */
const AnyDocument = z.unknown().describe('A job as JSON: our template format (or the whole template) or a JSON Resume job document');

/** Template, text conversion, validation and import: helpers for getting a posting into JobWise. */
export function toolRoutes(deps: JobRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: `${BASE}/template`,
      tag,
      summary: 'A filled example job and a description of every field, for copy-paste conversion',
      responses: { 200: { description: 'The template', schema: JobTemplate }, ...errorResponses(401) },
      async handler() {
        return { status: 200, body: jobTemplate() };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/convert-text`,
      tag,
      summary: 'Turn a pasted job posting into a draft job (nothing is stored)',
      body: ConvertTextRequest,
      responses: { 200: { description: 'The draft, per-field confidence and warnings', schema: ConversionResult }, ...errorResponses(400, 401) },
      async handler({ body }) {
        return { status: 200, body: convertText(body.raw_text) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/validate`,
      tag,
      summary: 'Check a job document: errors per field and quality warnings (200 even when invalid)',
      body: AnyDocument,
      responses: { 200: { description: 'Whether it is valid, and its problems', schema: ValidationResult }, ...errorResponses(400, 401) },
      async handler({ body, context }) {
        return { status: 200, body: validateJob(body, todayOf(context.now)) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/import`,
      tag,
      summary: 'Create a draft job of your own from our template JSON or a JSON Resume job document',
      body: AnyDocument,
      responses: { 201: { description: 'Imported', schema: JobView }, ...acceptedResponse, ...errorResponses(400, 401) },
      async handler({ body, user, context }) {
        const content = importedContent(body);
        const job_id = randomUUID();
        const request = { type: 'CreateJob', job_id, actor: user.id, now: context.now, source: 'imported', status: 'draft', content } as const;
        const result = await deps.commands.handle(jobAggregate, request, context);
        return written(deps, job_id, user.id, result, context.now, (view) => viewResult(201, view));
      },
    }),
  ];
}

/** Import problems name fields of the document sent; as a request error they are under `body`. */
function importedContent(doc: unknown): JobContent {
  try {
    return fromImportDocument(doc);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = error.fields.map(({ path, message }) => ({ path: path === '(root)' ? 'body' : `body.${path}`, message }));
    throw new DomainError(error.code, error.message, fields);
  }
}
