import { randomUUID } from 'node:crypto';
import { Feedback, GenerationInput, GenerationOptions, TargetJob } from '../../contracts/generations/content';
import { GenerationKind } from '../../contracts/generations/events';
import { GenerationView } from '../../contracts/generations/http';
import { JobDocument } from '../../contracts/jobs/read-model';
import { ProfileDocument, ProfileView } from '../../contracts/profiles/read-model';
import { withoutBookkeeping } from '../../contracts/shared/read-model';
import { AuthUser } from '../http/context';
import { HttpResult } from '../http/route';
import { analyzeJob } from '../keywords';
import { estimateTokenUsage } from '../llm/token-budget';
import { CommandContext } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { generationAggregate } from './generation-aggregate';
import { GenerationRouteDeps, viewResult, written } from './generation-route-deps';
import { checkTokenBudget } from './token-budget-gate';

export interface Asked {
  kind: GenerationKind;
  profile_id: string;
  /** A job id or a catalogue name. */
  job_ref: string;
  options: GenerationOptions;
  parent_id: string | null;
  feedback: Feedback | null;
}

/** Records a new generation of the caller's profile for a job they may see, with the versions it draws on. */
export async function requestGeneration(deps: GenerationRouteDeps, user: AuthUser, context: CommandContext, asked: Asked): Promise<HttpResult> {
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

export const profileOf = (doc: ProfileDocument): ProfileView => withoutBookkeeping(doc);

/** What a profile lacks when it has no experience, no project and no skill: every one of them. */
export function nothingToDrawOn(profile: ProfileView) {
  const hasSkills = profile.skills.technical.length + profile.skills.soft.length > 0;
  if (profile.experiences.length > 0 || profile.projects.length > 0 || hasSkills) return [];
  return [
    { path: 'profile.experiences', message: 'has no experience' },
    { path: 'profile.projects', message: 'has no project' },
    { path: 'profile.skills', message: 'has no technical or soft skill' },
  ];
}

/** The job as the pipeline sees it; a job not analysed yet is analysed here (the analysis is deterministic). */
export function targetJob(job: JobDocument, analysis = job.analysis): TargetJob {
  const { id, title, company, description, requirements, responsibilities } = job;
  return { id, title, company, description, requirements, responsibilities, analysis: analysis ?? analyzeJob(job) };
}

/** A regeneration's options: the parent's, with the requested tone and length. */
export function withChanges(kind: GenerationKind, options: GenerationOptions, changes: Feedback): GenerationOptions {
  const tone = changes.tone ?? options.tone;
  if (changes.length === null) return { ...options, tone };
  if (kind === 'cover_letter') return { ...options, tone, cover_letter_max_length: Math.min(changes.length, 1000) };
  return { ...options, tone, max_length: changes.length };
}
