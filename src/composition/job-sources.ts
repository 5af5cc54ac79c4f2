import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { JobSourceConfig } from '../../contracts/job-sources/source';
import { JOB_BOARD_ACTOR } from '../../contracts/jobs/commands';
import { JobDocument, JobsReadModel } from '../../contracts/jobs/read-model';
import { boardJobId } from '../job-sources/board-job-id';
import { jobSourceAggregate, jobSourceStream } from '../job-sources/job-source-aggregate';
import { BoardPolicyOverrides, JobSources, SyncHistory } from '../job-sources/job-sources';
import { jobSourceRoutes } from '../job-sources/job-source-routes';
import { BoardJobs } from '../job-sources/sync';
import { contentHash } from '../jobs/catalogue/content-hash';
import { jobAggregate } from '../jobs/job-aggregate';
import { RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { BackgroundTask } from '../shared/background-tasks';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { Logger } from '../shared/logger';

export interface JobSourceDeps {
  sources: readonly JobSourceConfig[];
  commands: CommandHandler;
  readStore: ReadStore;
  clock: Clock;
  logger: Logger;
  policy?: BoardPolicyOverrides;
}

/**
 * Board postings are written through the job aggregate (SyncBoardJob, CloseBoardJob), as the
 * static catalogue is; the open jobs of a source are those of the jobs read model whose id is
 * the one its posting would get, so another company's board never loses a job to this one.
 */
export function boardJobs(commands: CommandHandler, readStore: ReadStore, clock: Clock): BoardJobs {
  const context = () => ({ correlation_id: `job-board-sync-${randomUUID()}`, causation_id: null, actor: JOB_BOARD_ACTOR, now: clock.now().toISOString() });
  const base = (job_id: string) => ({ job_id, actor: JOB_BOARD_ACTOR, now: clock.now().toISOString() });
  return {
    async upsert(job_id, content) {
      const request = { type: 'SyncBoardJob', ...base(job_id), content, content_hash: contentHash(content) } as const;
      const { events } = await persistently(() => commands.handle(jobAggregate, request, context()));
      if (events.some((e) => e.type === 'JobCreated')) return 'created';
      return events.some((e) => e.type === 'JobUpdated' || e.type === 'JobStatusChanged') ? 'updated' : 'unchanged';
    },
    async close(job_id) {
      const { events } = await persistently(() => commands.handle(jobAggregate, { type: 'CloseBoardJob', ...base(job_id) } as const, context()));
      return events.length > 0;
    },
    async open(source) {
      const docs = await readStore
        .collection<JobDocument>(JobsReadModel.collection)
        .find({ source: 'api', company: source.company, status: { $ne: 'archived' }, _deleted: { $ne: true } });
      return docs.filter((doc) => doc.external_job_id !== null && doc.id === boardJobId(source.id, doc.external_job_id)).map((doc) => doc.id);
    },
  };
}

const CONFLICT_ATTEMPTS = 8;

/**
 * Another process syncing the same board writes the same streams: the handler re-decides a
 * conflict on the newer state, but its three quick attempts can all fall inside the other
 * writer's commit (the embedded store decides against pending appends and reads durable ones).
 * A pause between rounds lets that commit land; the re-decision then finds the job written.
 */
async function persistently<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CONCURRENCY.CONFLICT') || attempt >= CONFLICT_ATTEMPTS) throw error;
      await delay(25 * attempt);
    }
  }
}

/** Syncs are recorded on `jobsource-<uuid>` streams through the same command handler. */
export function syncHistory(commands: CommandHandler): SyncHistory {
  return {
    async record(request) {
      const now = request.type === 'RecordSynced' ? request.result.finished_at : request.failed_at;
      await commands.handle(jobSourceAggregate, request, { correlation_id: `job-board-sync-${randomUUID()}`, causation_id: null, actor: JOB_BOARD_ACTOR, now });
    },
    async read(source_id) {
      return (await commands.load(jobSourceAggregate.decider, jobSourceStream(source_id))).state;
    },
  };
}

/** The configured boards of an `api` process: their routes and the task that runs their schedules. */
export function buildJobSources(deps: JobSourceDeps): { routes: RouteSpec[]; task: BackgroundTask; sources: JobSources } {
  const sources = new JobSources(deps.sources, boardJobs(deps.commands, deps.readStore, deps.clock), syncHistory(deps.commands), deps.clock, deps.logger.child({ component: 'job-sources' }), deps.policy);
  return {
    sources,
    routes: jobSourceRoutes(sources),
    task: { name: 'job-sources', start: async () => sources.start(), stop: () => sources.stop() },
  };
}
