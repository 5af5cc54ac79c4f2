import { ServerSentEvent } from '../../contracts/shared/server-sent-event';
import { z } from 'zod';
import { Feedback, GenerationOptions } from '../../contracts/generations/content';
import { GenerationKind } from '../../contracts/generations/events';
import {
  CoverLetterGenerationRequest,
  FeedbackRequest,
  GenerationAnalytics,
  GenerationListQuery,
  GenerationPage,
  GenerationResult,
  GenerationValidation,
  GenerationView,
  RegenerateRequest,
  ResumeGenerationRequest,
  TemplateList,
} from '../../contracts/generations/http';
import { GenerationsReadModel } from '../../contracts/generations/read-model';
import { WriteAccepted } from '../../contracts/shared/read-model';
import { AuthUser } from '../http/context';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { IdParams, route, RouteSpec } from '../http/route';
import { CommandContext } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { generationAggregate } from './generation-aggregate';
import { statusEvents } from './generation-event-stream';
import { Asked, requestGeneration, withChanges } from './generation-requests';
import { GENERATIONS_BASE as BASE, GenerationRouteDeps, viewResult, written } from './generation-route-deps';
import { validate } from './generation-validation';
import { analyticsOf, completed, resultOf, templates } from './generation-views';

const tag = 'Generations';

/** A new generation is accepted and runs in the background: 202 with its view, or WriteAccepted when the read model lags. */
const started = {
  202: { description: 'Accepted: the generation runs in the background; follow `Location` (or its /events stream)', schema: z.union([GenerationView, WriteAccepted]) },
};

/**
 * The Generation API. Literal paths (`/templates`) are declared before `/:id`, so express never
 * takes them for ids.
 */
export function generationRoutes(deps: GenerationRouteDeps): RouteSpec[] {
  const accepted = (kind: GenerationKind, user: AuthUser, context: CommandContext, ask: Omit<Asked, 'kind'>) =>
    requestGeneration(deps, user, context, { kind, ...ask });
  return [
    route({
      method: 'post',
      path: `${BASE}/resume`,
      rate_limit: 'generation.resume',
      tag,
      summary: 'Tailor a resume of your profile to a job (and a cover letter with it if asked); it runs in the background',
      body: ResumeGenerationRequest,
      responses: { ...started, ...errorResponses(400, 401, 404, 422, 429) },
      async handler({ body, user, context }) {
        const { template_preference: template, generation_options: o } = body;
        const options = { template, ...o, tone: 'professional', cover_letter_max_length: 400 } as const;
        return accepted('resume', user, context, { profile_id: body.profile_id, job_ref: body.job_id, options, parent_id: null, feedback: null });
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/cover-letter`,
      rate_limit: 'generation.cover_letter',
      tag,
      summary: 'Write a cover letter from your profile for a job; it runs in the background',
      body: CoverLetterGenerationRequest,
      responses: { ...started, ...errorResponses(400, 401, 404, 422, 429) },
      async handler({ body, user, context }) {
        const options: GenerationOptions = {
          template: 'professional',
          focus_areas: [],
          max_length: 600,
          include_cover_letter: true,
          tone: body.tone,
          cover_letter_max_length: body.max_length,
        };
        return accepted('cover_letter', user, context, { profile_id: body.profile_id, job_ref: body.job_id, options, parent_id: null, feedback: null });
      },
    }),
    route({
      method: 'get',
      path: BASE,
      tag,
      summary: 'Your generations, newest first, filtered by status, kind, job and creation time',
      query: GenerationListQuery,
      responses: { 200: { description: 'A page of your generations', schema: GenerationPage }, ...errorResponses(400, 401) },
      async handler({ query, user }) {
        return { status: 200, body: await deps.queries.list(query, user.id) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/templates`,
      tag,
      summary: 'The resume templates, each with what sets it apart and its section order',
      responses: { 200: { description: 'The templates', schema: TemplateList }, ...errorResponses(401) },
      async handler() {
        return { status: 200, body: templates() };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id`,
      rate_limit: 'generation.status',
      tag,
      summary: 'A generation of yours: its status, stages and progress',
      params: IdParams,
      responses: { 200: { description: 'The generation', schema: GenerationView }, ...errorResponses(400, 401, 404, 429) },
      async handler({ params, user }) {
        return viewResult(200, await deps.queries.view(params.id, user.id));
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/events`,
      rate_limit: 'generation.status',
      tag,
      summary: 'Server-sent events: `status` with the generation now and at every change, then `end` once it completed, failed or was cancelled',
      params: IdParams,
      responses: {
        200: {
          description: 'An event stream: `event: status` whose data is the generation (as GET /generations/{id}), then `event: end`',
          schema: ServerSentEvent,
          content_type: 'text/event-stream',
        },
        ...errorResponses(400, 401, 404, 429),
      },
      async handler({ params, user }) {
        await deps.queries.view(params.id, user.id);
        return {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
          stream: (out) => statusEvents(deps, params.id, user.id, out),
        };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/result`,
      tag,
      summary: 'The resume and/or cover letter of a completed generation, with their quality reports',
      params: IdParams,
      responses: { 200: { description: 'The result', schema: GenerationResult }, ...errorResponses(400, 401, 404, 409) },
      async handler({ params, user }) {
        return { status: 200, body: resultOf(completed(await deps.queries.owned(params.id, user.id))) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/regenerate`,
      // A regeneration counts as what it generates again: a cover letter's against cover letters.
      rate_limit: async ({ params, user }) => {
        const parent = user ? await deps.queries.owned(params.id ?? '', user.id).catch(() => null) : null;
        return parent?.kind === 'cover_letter' ? 'generation.cover_letter' : 'generation.resume';
      },
      tag,
      summary: 'Generate again from the same profile and job (as they are now), with your changes applied; links the new one to this one',
      params: IdParams,
      body: RegenerateRequest,
      responses: { ...started, ...errorResponses(400, 401, 404, 422, 429) },
      async handler({ params, body, user, context }) {
        const parent = await deps.queries.owned(params.id, user.id);
        const feedback: Feedback = body.changes;
        return requestGeneration(deps, user, context, {
          kind: parent.kind,
          profile_id: parent.profile_id,
          job_ref: parent.job_id,
          options: withChanges(parent.kind, parent.options, feedback),
          parent_id: parent.id,
          feedback,
        });
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:id`,
      tag,
      summary: 'Cancel a generation that has not finished (200 with it, cancelled); delete a finished one (204)',
      params: IdParams,
      responses: {
        200: { description: 'Cancelled', schema: GenerationView },
        ...acceptedResponse,
        204: { description: 'Deleted' },
        ...errorResponses(400, 401, 404, 409),
      },
      async handler({ params, user, context }) {
        const request = { type: 'DeleteGeneration', generation_id: params.id, user_id: user.id, now: context.now } as const;
        const result = await deps.commands.handle(generationAggregate, request, context);
        return written(deps, params.id, user.id, result).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'GENERATION.NOT_FOUND') return { status: 204 };
          throw error;
        });
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/feedback`,
      tag,
      summary: 'Rate a completed generation (1–5) with optional comments',
      params: IdParams,
      body: FeedbackRequest,
      responses: { 204: { description: 'Recorded' }, ...acceptedResponse, ...errorResponses(400, 401, 404, 409) },
      async handler({ params, body, user, context }) {
        const request = { type: 'GiveFeedback', generation_id: params.id, user_id: user.id, now: context.now, ...body } as const;
        const result = await deps.commands.handle(generationAggregate, request, context);
        const location = `${BASE}/${params.id}`;
        return afterWrite({ waiter: deps.waiter, readModel: GenerationsReadModel.name, written: result, location, respond: async () => ({ status: 204 }) });
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:id/analytics`,
      tag,
      summary: 'How a generation went: stage timings against the expected ones, tokens estimated and used, ATS score, keyword match, ratings',
      params: IdParams,
      responses: { 200: { description: 'The analytics', schema: GenerationAnalytics }, ...errorResponses(400, 401, 404) },
      async handler({ params, user, context }) {
        return { status: 200, body: analyticsOf(await deps.queries.owned(params.id, user.id), context.now) };
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:id/validate`,
      tag,
      summary: 'Score the stored content again and check every fact in it against the profile it was written from',
      params: IdParams,
      responses: { 200: { description: 'Quality reports and unsupported facts', schema: GenerationValidation }, ...errorResponses(400, 401, 404, 409) },
      async handler({ params, user }) {
        const doc = completed(await deps.queries.owned(params.id, user.id));
        return { status: 200, body: await validate(deps, doc, user.id) };
      },
    }),
  ];
}
