import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Feedback, GenerationInput, GenerationOptions, TargetJob, Template } from '../../contracts/generations/content';
import { GenerationKind, STAGE_SECONDS, STAGES } from '../../contracts/generations/events';
import {
  CoverLetterGenerationRequest,
  FeedbackRequest,
  FINISHED_STATUSES,
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
import { GenerationDocument, GenerationsReadModel } from '../../contracts/generations/read-model';
import { JobDocument } from '../../contracts/jobs/read-model';
import { ProfileDocument, ProfileView } from '../../contracts/profiles/read-model';
import { withoutBookkeeping, WriteAccepted } from '../../contracts/shared/read-model';
import { AuthUser } from '../http/context';
import { acceptedResponse, afterWrite } from '../http/after-write';
import { errorResponses } from '../http/openapi-responses';
import { HttpResult, IdParams, ResponseStream, route, RouteSpec } from '../http/route';
import { analyzeJob } from '../keywords';
import { estimateTokenUsage } from '../llm/token-budget';
import { checkTokenBudget } from './token-budget-gate';
import { scoreCoverLetter, scoreResume } from '../scoring';
import { CommandContext } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { checkFabrication } from '../writing';
import { LAYOUTS } from '../writing/layout';
import { generationAggregate } from './generation-aggregate';
import { GENERATIONS_BASE as BASE, GenerationRouteDeps, viewResult, written } from './generation-route-deps';

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
          schema: z.string(),
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
      rate_limit: 'generation.resume',
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

interface Asked {
  kind: GenerationKind;
  profile_id: string;
  /** A job id or a catalogue name. */
  job_ref: string;
  options: GenerationOptions;
  parent_id: string | null;
  feedback: Feedback | null;
}

/** Records a new generation of the caller's profile for a job they may see, with the versions it draws on. */
async function requestGeneration(deps: GenerationRouteDeps, user: AuthUser, context: CommandContext, asked: Asked): Promise<HttpResult> {
  const profileDoc = await deps.queries.profile(asked.profile_id, user.id);
  const job = await deps.queries.job(asked.job_ref, user.id);
  const profile = profileOf(profileDoc);
  const missing = nothingToDrawOn(profile);
  if (missing.length > 0) throw new DomainError('GENERATION.PROFILE_INCOMPLETE', 'The profile has nothing to draw on: add an experience, a project or skills', missing);
  const input: GenerationInput = { profile, job: targetJob(job), options: asked.options, feedback: asked.feedback };
  const estimate = estimateTokenUsage(input);
  const budget = await checkTokenBudget(deps.queries, deps.token_budget, user.id, estimate, context.now);
  const generation_id = randomUUID();
  const request = {
    type: 'RequestGeneration',
    generation_id,
    now: context.now,
    user_id: user.id,
    kind: asked.kind,
    profile_id: profile.id,
    profile_version: profile.version,
    job_id: job.id,
    job_version: job.version,
    options: asked.options,
    parent_id: asked.parent_id,
    feedback: asked.feedback,
    estimated_tokens: estimate.total_tokens,
  } as const;
  const result = await deps.commands.handle(generationAggregate, request, context);
  const accepted = (view: GenerationView) => viewResult(202, view);
  const warned = (view: GenerationView) => ({ ...accepted(view), headers: { ...accepted(view).headers, 'Token-Budget': budget.level } });
  return written(deps, generation_id, user.id, result, budget.level === 'ok' ? accepted : warned);
}

const profileOf = (doc: ProfileDocument): ProfileView => withoutBookkeeping(doc);

/** What a profile lacks when it has no experience, no project and no skill: every one of them. */
function nothingToDrawOn(profile: ProfileView) {
  const hasSkills = profile.skills.technical.length + profile.skills.soft.length > 0;
  if (profile.experiences.length > 0 || profile.projects.length > 0 || hasSkills) return [];
  return [
    { path: 'profile.experiences', message: 'has no experience' },
    { path: 'profile.projects', message: 'has no project' },
    { path: 'profile.skills', message: 'has no technical or soft skill' },
  ];
}

/** The job as the pipeline sees it; a job not analysed yet is analysed here (the analysis is deterministic). */
function targetJob(job: JobDocument, analysis = job.analysis): TargetJob {
  const { id, title, company, description, requirements, responsibilities } = job;
  return { id, title, company, description, requirements, responsibilities, analysis: analysis ?? analyzeJob(job) };
}

/** A regeneration's options: the parent's, with the requested tone and length. */
function withChanges(kind: GenerationKind, options: GenerationOptions, changes: Feedback): GenerationOptions {
  const tone = changes.tone ?? options.tone;
  if (changes.length === null) return { ...options, tone };
  if (kind === 'cover_letter') return { ...options, tone, cover_letter_max_length: Math.min(changes.length, 1000) };
  return { ...options, tone, max_length: changes.length };
}

function completed(doc: GenerationDocument): GenerationDocument {
  if (doc.status !== 'completed') throw new DomainError('GENERATION.NOT_READY', `The generation is ${doc.status}; its result is there once it has completed`);
  return doc;
}

function resultOf(doc: GenerationDocument): GenerationResult {
  const r = doc.result;
  return {
    generation_id: doc.id,
    kind: doc.kind,
    resume: r.resume ?? null,
    cover_letter: r.cover_letter ?? null,
    quality: { resume_quality: r.resume_quality ?? null, cover_letter_quality: r.cover_letter_quality ?? null },
    repaired: r.repaired?.length ?? 0,
    provider: r.provider ?? null,
    formats: r.formats ?? [],
  };
}

const TEMPLATE_TEXT: Record<Template, { name: string; description: string }> = {
  professional: { name: 'Professional', description: 'The classic order (summary, experience, education, skills) with plain headings; suits most roles and conservative industries.' },
  technical: { name: 'Technical', description: 'Skills first, grouped by category, projects before education; suits engineering and other hands-on technical roles.' },
  creative: { name: 'Creative', description: 'Led by an "about me" and selected work, friendlier headings, employer before title; suits design, marketing and portfolio-driven roles.' },
};

function templates(): TemplateList {
  return { items: Template.options.map((id) => ({ id, ...TEMPLATE_TEXT[id], section_order: LAYOUTS[id].order })) };
}

function analyticsOf(doc: GenerationDocument, now: string): GenerationAnalytics {
  const stages = STAGES.map((stage) => {
    const run = doc.stages.find((s) => s.stage === stage);
    return { stage, status: run?.status ?? 'waiting', attempt: run?.attempt ?? 0, duration_ms: run?.duration_ms ?? null, expected_ms: Math.round(STAGE_SECONDS[stage] * 1000) };
  });
  const tokens = doc.result.tokens;
  const quality = doc.result.resume_quality ?? doc.result.cover_letter_quality ?? null;
  const ratings = doc.ratings.map((r) => r.rating);
  const end = doc.completed_at ?? now;
  return {
    generation_id: doc.id,
    status: doc.status,
    stages,
    total_duration_ms: stages.reduce((sum, s) => sum + (s.duration_ms ?? 0), 0),
    expected_duration_ms: stages.reduce((sum, s) => sum + s.expected_ms, 0),
    elapsed_ms: Math.max(0, Date.parse(end) - Date.parse(doc.created_at)),
    estimated_tokens: doc.estimated_tokens,
    tokens_used: tokens ? { ...tokens, total: tokens.prompt + tokens.completion } : null,
    ats_score: doc.ats_score,
    keyword_match_rate: quality?.keyword_match_rate ?? null,
    feedback: {
      count: ratings.length,
      average_rating: ratings.length > 0 ? Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100 : null,
      ratings,
    },
  };
}

/** The stored content scored again against the stored analysis, and checked against the profile at the version it was written from. */
async function validate(deps: GenerationRouteDeps, doc: GenerationDocument, user_id: string): Promise<GenerationValidation> {
  const current = await deps.queries.profile(doc.profile_id, user_id).catch(() => null);
  const profile = current?.version === doc.profile_version ? profileOf(current) : await deps.profileAt(doc.profile_id, doc.profile_version);
  if (!profile) throw new DomainError('PROFILE.NOT_FOUND', `Version ${doc.profile_version} of the profile this generation was written from cannot be read`);
  const job = await deps.queries.job(doc.job_id, user_id);
  const input: GenerationInput = { profile, job: targetJob(job, doc.result.analysis ?? job.analysis), options: doc.options, feedback: doc.feedback };
  const { resume = null, cover_letter = null } = doc.result;
  return {
    generation_id: doc.id,
    profile_version: doc.profile_version,
    quality: {
      resume_quality: resume ? scoreResume(resume, input.job.analysis) : null,
      cover_letter_quality: cover_letter ? scoreCoverLetter(cover_letter, input.job.analysis) : null,
    },
    violations: [...(resume ? checkFabrication(resume, input) : []), ...(cover_letter ? checkFabrication(cover_letter, input) : [])],
  };
}

/** How long one event stream stays open; a client (EventSource) reconnects after it. */
const STREAM_MS = 60_000;
const KEEP_ALIVE_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `status` now and at every change (polling the read model), then `end` once the generation has finished or is gone. */
async function statusEvents(deps: GenerationRouteDeps, generation_id: string, user_id: string, out: ResponseStream): Promise<void> {
  const poll = deps.poll_ms ?? 200;
  const until = Date.now() + STREAM_MS;
  let sent = '';
  let quiet = 0;
  while (!out.closed() && Date.now() < until) {
    const view = await deps.queries.view(generation_id, user_id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'GENERATION.NOT_FOUND') return null;
      throw error;
    });
    if (!view) return out.write('event: end\ndata: {"status":"deleted"}\n\n');
    const data = JSON.stringify(view);
    if (data !== sent) {
      out.write(`event: status\nid: ${view.version}\ndata: ${data}\n\n`);
      sent = data;
      quiet = 0;
    } else if ((quiet += poll) >= KEEP_ALIVE_MS) {
      out.write(': keep-alive\n\n');
      quiet = 0;
    }
    if (FINISHED_STATUSES.includes(view.status)) return out.write(`event: end\ndata: ${JSON.stringify({ status: view.status })}\n\n`);
    await sleep(poll);
  }
}
