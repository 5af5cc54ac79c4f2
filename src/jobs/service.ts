import { randomUUID } from 'node:crypto';
import { CATALOGUE_ACTOR, EXPIRY_ACTOR, JobCommand } from '../../contracts/jobs/commands';
import { JobEvent } from '../../contracts/jobs/events';
import { JobContent, JobStatus } from '../../contracts/jobs/job';
import { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { EventStore } from '../event-store/port';
import { CommandContext, CommandResult, handleCommand, loadAggregate } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { analyzeJob, ANALYZER_VERSION } from '../keywords';
import { CatalogueJob, contentHash, staticJobId } from './catalogue/catalogue';
import { jobDecider, JobState } from './job-decider';

type Result = CommandResult<JobState, JobEvent>;
type Acting = CommandContext & { actor: string };

/** Content with what the decider needs computed from it. */
const analysed = (content: JobContent) => ({ content, content_hash: contentHash(content), analysis: analyzeJob(content) });

/** Job commands: compute hashes and analyses, then the generic command handler. */
export class JobCommands {
  constructor(private readonly store: EventStore) {}

  async create(
    content: JobContent,
    options: { source: 'user_created' | 'imported'; status: 'draft' | 'active' },
    context: Acting,
  ): Promise<{ job_id: string; result: Result }> {
    const job_id = randomUUID();
    const result = await this.execute({ type: 'CreateJob', job_id, actor: context.actor, now: context.now, ...options, ...analysed(content) }, context);
    return { job_id, result };
  }

  update(job_id: string, content: JobContent, context: Acting, expected_version?: number): Promise<Result> {
    return this.execute({ type: 'UpdateJob', job_id, actor: context.actor, now: context.now, ...analysed(content) }, context, expected_version);
  }

  changeStatus(job_id: string, status: JobStatus, context: Acting, expected_version?: number): Promise<Result> {
    return this.execute({ type: 'ChangeJobStatus', job_id, actor: context.actor, now: context.now, status }, context, expected_version);
  }

  delete(job_id: string, context: Acting, expected_version?: number): Promise<Result> {
    return this.execute({ type: 'DeleteJob', job_id, actor: context.actor, now: context.now }, context, expected_version);
  }

  /** Analyses the job's current content; the result is the analysis it now has. */
  async analyze(job_id: string, context: Acting): Promise<{ result: Result; analysis: KeywordAnalysis }> {
    const { state } = await loadAggregate(this.store, jobDecider, streamName('job', job_id));
    if (state.kind !== 'job') throw new DomainError('JOB.NOT_FOUND', 'Job not found');
    const { content_hash } = state;
    const analysis = analyzeJob(state.content);
    const result = await this.execute({ type: 'AnalyzeJob', job_id, actor: context.actor, now: context.now, content_hash, analysis }, context);
    return { result, analysis };
  }

  expire(job_id: string, context: CommandContext): Promise<Result> {
    return this.execute({ type: 'ExpireJob', job_id, actor: EXPIRY_ACTOR, now: context.now }, { ...context, actor: EXPIRY_ACTOR });
  }

  /**
   * Loads one catalogue entry. The stream's folded state is compared first, so an unchanged
   * entry costs one stream read and no analysis; null when nothing was appended.
   */
  async syncCatalogueJob(entry: CatalogueJob, context: CommandContext): Promise<Result | null> {
    const job_id = staticJobId(entry.catalogue_id);
    const { state } = await loadAggregate(this.store, jobDecider, streamName('job', job_id));
    const current = state.kind === 'job' && state.content_hash === entry.content_hash && state.analyzed?.analyzer_version === ANALYZER_VERSION;
    if (current || state.kind === 'deleted') return null;
    const command: JobCommand = {
      type: 'SyncCatalogueJob',
      job_id,
      actor: CATALOGUE_ACTOR,
      now: context.now,
      catalogue_id: entry.catalogue_id,
      content: entry.content,
      content_hash: entry.content_hash,
      analysis: analyzeJob(entry.content),
    };
    return this.execute(command, { ...context, actor: CATALOGUE_ACTOR });
  }

  execute(command: JobCommand, context: CommandContext, expected_version?: number): Promise<Result> {
    return handleCommand(this.store, jobDecider, streamName('job', command.job_id), command, context, { expected_version });
  }
}
