import { JobCommand } from '../../contracts/jobs/commands';
import { JobEvent } from '../../contracts/jobs/events';
import { JobContent } from '../../contracts/jobs/job';
import { analyzeJob, ANALYZER_VERSION } from '../keywords';
import { Aggregate } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { contentHash } from './catalogue/content-hash';
import { jobDecider, JobState } from './job-decider';

type Computed = 'content_hash' | 'analysis';
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Of<T extends JobCommand['type']> = Extract<JobCommand, { type: T }>;

/**
 * What a caller asks of a job. The content hash and the keyword analysis are not the caller's
 * to give: `prepareJobCommand` computes them, from the request's content or, for AnalyzeJob,
 * from the content in the state the handler loaded.
 */
export type JobRequest =
  | Without<Of<'CreateJob' | 'UpdateJob' | 'AnalyzeJob'>, Computed>
  | Without<Of<'SyncCatalogueJob' | 'SyncBoardJob'>, 'analysis'>
  | Of<'ChangeJobStatus' | 'ExpireJob' | 'DeleteJob' | 'CloseBoardJob'>;

const analysed = (content: JobContent) => ({ content_hash: contentHash(content), analysis: analyzeJob(content) });

export function prepareJobCommand(request: JobRequest, state: JobState): JobCommand | null {
  switch (request.type) {
    case 'CreateJob':
    case 'UpdateJob':
      return { ...request, ...analysed(request.content) };
    case 'AnalyzeJob': {
      if (state.kind !== 'job') throw new DomainError('JOB.NOT_FOUND', 'Job not found');
      return { ...request, content_hash: state.content_hash, analysis: analyzeJob(state.content) };
    }
    case 'SyncCatalogueJob': {
      // An unchanged entry, analysed by this analyzer, costs one stream read and no analysis.
      const current = state.kind === 'job' && state.content_hash === request.content_hash && state.analyzed?.analyzer_version === ANALYZER_VERSION;
      if (current || state.kind === 'deleted') return null;
      return { ...request, analysis: analyzeJob(request.content) };
    }
    case 'SyncBoardJob': {
      // An unchanged, active posting analysed by this analyzer costs one stream read and no analysis.
      const current = state.kind === 'job' && state.status !== 'archived' && state.content_hash === request.content_hash && state.analyzed?.analyzer_version === ANALYZER_VERSION;
      if (current || state.kind === 'deleted') return null;
      return { ...request, analysis: analyzeJob(request.content) };
    }
    default:
      return request;
  }
}

/** Jobs live on `job-<uuid>` streams. */
export const jobAggregate: Aggregate<JobRequest, JobCommand, JobEvent, JobState> = {
  decider: jobDecider,
  streamOf: (request) => streamName('job', request.job_id),
  prepare: prepareJobCommand,
};
