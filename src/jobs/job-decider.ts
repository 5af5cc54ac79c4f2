import { JobCommand } from '../../contracts/jobs/commands';
import { JobEvent } from '../../contracts/jobs/events';
import { JobContent, JobSource, JobStatus } from '../../contracts/jobs/job';
import { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { effectiveStatus, isOverdue, todayOf } from './expiry';

/** What deciding needs to know about a job. `user_id` null means nobody owns it (static, API, scraped). */
export type JobState =
  | { kind: 'none' }
  | { kind: 'deleted' }
  | {
      kind: 'job';
      job_id: string;
      source: JobSource;
      user_id: string | null;
      status: JobStatus;
      content: JobContent;
      content_hash: string;
      /** Which content, by which analyzer version, the stored analysis describes. */
      analyzed: { content_hash: string; analyzer_version: string } | null;
    };

type Job = Extract<JobState, { kind: 'job' }>;

/** The status changes a user may make; `expired` is only ever recorded by expiry. */
const TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  draft: ['active', 'archived'],
  active: ['archived'],
  archived: ['active'],
  expired: ['archived'],
};

const notFound = () => new DomainError('JOB.NOT_FOUND', 'Job not found');

/** Jobs nobody owns are visible to everyone; another user's job is reported as missing. */
function visible(state: JobState, actor: string): Job {
  if (state.kind !== 'job' || (state.user_id !== null && state.user_id !== actor)) throw notFound();
  return state;
}

function writable(state: JobState, actor: string): Job {
  const job = visible(state, actor);
  if (job.user_id === null) throw new DomainError('JOB.READ_ONLY', `${job.source} jobs are read-only; create a job of your own to edit it`);
  return job;
}

function requireNotOverdue(expires_date: string | null, now: string, what: string): void {
  if (isOverdue(expires_date, todayOf(now))) {
    throw new DomainError('JOB.INVALID_TRANSITION', `${what}: its expires_date ${expires_date} has passed; set a later one first`);
  }
}

/** A JobAnalyzed event unless the stored analysis already describes this content with this analyzer. */
function analysisEvents(job: Job | null, content_hash: string, analysis: KeywordAnalysis): JobEvent[] {
  const current = job?.analyzed;
  if (current && current.content_hash === content_hash && current.analyzer_version === analysis.analyzer_version) return [];
  return [{ type: 'JobAnalyzed', data: { content_hash, analysis } }];
}

export function decide(command: JobCommand, state: JobState): JobEvent[] {
  switch (command.type) {
    case 'CreateJob': {
      if (state.kind !== 'none') throw new DomainError('JOB.ALREADY_EXISTS', 'This job already exists');
      const { job_id, actor, source, status, content, content_hash, analysis } = command;
      if (status === 'active') requireNotOverdue(content.expires_date, command.now, 'The job cannot be created active');
      return [
        { type: 'JobCreated', data: { job_id, source, user_id: actor, status, catalogue_id: null, content, content_hash } },
        ...analysisEvents(null, content_hash, analysis),
      ];
    }
    case 'SyncCatalogueJob':
      return syncCatalogueJob(command, state);
    case 'SyncBoardJob':
      return syncBoardJob(command, state);
    case 'CloseBoardJob':
      if (state.kind !== 'job' || state.source !== 'api' || state.status === 'archived') return [];
      return [{ type: 'JobStatusChanged', data: { from: state.status, to: 'archived' } }];
    case 'ExpireJob': {
      if (state.kind !== 'job' || state.status !== 'active') return [];
      const { expires_date } = state.content;
      return isOverdue(expires_date, todayOf(command.now)) ? [{ type: 'JobExpired', data: { expires_date: expires_date! } }] : [];
    }
    case 'UpdateJob': {
      const job = writable(state, command.actor);
      const { content, content_hash, analysis } = command;
      if (content_hash === job.content_hash) return analysisEvents(job, content_hash, analysis);
      return [{ type: 'JobUpdated', data: { content, content_hash } }, ...analysisEvents(job, content_hash, analysis)];
    }
    case 'ChangeJobStatus':
      return changeStatus(writable(state, command.actor), command.status, command.now);
    case 'AnalyzeJob': {
      const job = visible(state, command.actor);
      // A job nobody owns is analysed when it is loaded (the catalogue sync); users read that analysis.
      if (job.user_id === null) return [];
      if (command.content_hash !== job.content_hash) {
        throw new DomainError('CONCURRENCY.CONFLICT', 'The job changed while it was being analysed; try again');
      }
      return analysisEvents(job, command.content_hash, command.analysis);
    }
    case 'DeleteJob': {
      const job = writable(state, command.actor);
      return [{ type: 'JobDeleted', data: { job_id: job.job_id, user_id: job.user_id! } }];
    }
    default:
      return assertNever(command);
  }
}

/** Moves between statuses from the effective one, recording an unrecorded expiry first. */
function changeStatus(job: Job, to: JobStatus, now: string): JobEvent[] {
  const from = effectiveStatus({ status: job.status, expires_date: job.content.expires_date }, todayOf(now));
  if (from === to) return [];
  if (!TRANSITIONS[from].includes(to)) {
    throw new DomainError('JOB.INVALID_TRANSITION', `A job cannot go from ${from} to ${to}; allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none'}`);
  }
  if (to === 'active') requireNotOverdue(job.content.expires_date, now, 'The job cannot be activated');
  const expiry: JobEvent[] = from === 'expired' && job.status === 'active' ? [{ type: 'JobExpired', data: { expires_date: job.content.expires_date! } }] : [];
  return [...expiry, { type: 'JobStatusChanged', data: { from, to } }];
}

/**
 * The catalogue is loaded at every start-up: an unchanged entry decides nothing, a changed one
 * is an update (re-activating it when a refreshed deadline ends its expiry), a new one a creation.
 */
function syncCatalogueJob(command: Extract<JobCommand, { type: 'SyncCatalogueJob' }>, state: JobState): JobEvent[] {
  const { job_id, catalogue_id, content, content_hash, analysis } = command;
  if (state.kind === 'none') {
    return [
      { type: 'JobCreated', data: { job_id, source: 'static', user_id: null, status: 'active', catalogue_id, content, content_hash } },
      ...analysisEvents(null, content_hash, analysis),
    ];
  }
  if (state.kind === 'deleted') return [];
  if (content_hash === state.content_hash) return analysisEvents(state, content_hash, analysis);
  const revived = state.status === 'expired' && !isOverdue(content.expires_date, todayOf(command.now));
  return [
    { type: 'JobUpdated', data: { content, content_hash } },
    ...analysisEvents(state, content_hash, analysis),
    ...(revived ? [{ type: 'JobStatusChanged', data: { from: 'expired', to: 'active' } } as const] : []),
  ];
}

/**
 * A posting read from a job board: new, it is created active and owned by nobody; changed, it is
 * updated; back on its board after it was archived, it is active again. Only board jobs are touched.
 */
function syncBoardJob(command: Extract<JobCommand, { type: 'SyncBoardJob' }>, state: JobState): JobEvent[] {
  const { job_id, content, content_hash, analysis } = command;
  if (state.kind === 'none') {
    return [
      { type: 'JobCreated', data: { job_id, source: 'api', user_id: null, status: 'active', catalogue_id: null, content, content_hash } },
      ...analysisEvents(null, content_hash, analysis),
    ];
  }
  if (state.kind === 'deleted' || state.source !== 'api') return [];
  const changed = content_hash !== state.content_hash;
  return [
    ...(changed ? [{ type: 'JobUpdated', data: { content, content_hash } } as const] : []),
    ...analysisEvents(state, content_hash, analysis),
    ...(state.status === 'archived' ? [{ type: 'JobStatusChanged', data: { from: 'archived', to: 'active' } } as const] : []),
  ];
}

export function evolve(state: JobState, event: JobEvent): JobState {
  if (event.type === 'JobCreated') {
    const { job_id, source, user_id, status, content, content_hash } = event.data;
    return { kind: 'job', job_id, source, user_id, status, content, content_hash, analyzed: null };
  }
  if (state.kind !== 'job') return state;
  switch (event.type) {
    case 'JobUpdated':
      return { ...state, content: event.data.content, content_hash: event.data.content_hash };
    case 'JobAnalyzed':
      return { ...state, analyzed: { content_hash: event.data.content_hash, analyzer_version: event.data.analysis.analyzer_version } };
    case 'JobStatusChanged':
      return { ...state, status: event.data.to };
    case 'JobExpired':
      return { ...state, status: 'expired' };
    case 'JobDeleted':
      return { kind: 'deleted' };
    default:
      return assertNever(event);
  }
}

export const jobDecider: Decider<JobCommand, JobEvent, JobState> = {
  initialState: { kind: 'none' },
  decide,
  evolve,
};
