import { JobsReadModel, JobView } from '../../contracts/jobs/read-model';
import { afterWrite, WriteOutcome } from '../http/after-write';
import { etag } from '../http/etag';
import { HttpResult } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { todayOf } from './expiry';
import { JobQueries } from './job-queries';

export interface JobRouteDeps {
  commands: CommandHandler;
  queries: JobQueries;
  waiter: ProjectionWaiter;
}

export const JOBS_BASE = '/api/v1/jobs';

export const viewResult = (status: number, view: JobView) => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${JOBS_BASE}/${view.id}` },
});

/** After a write: the job as the read model now has it (see afterWrite). */
export function written(
  deps: JobRouteDeps,
  job_id: string,
  user_id: string,
  outcome: WriteOutcome,
  now: string,
  respond: (view: JobView) => HttpResult = (view) => viewResult(200, view),
): Promise<HttpResult> {
  return afterWrite({
    waiter: deps.waiter,
    readModel: JobsReadModel.name,
    written: outcome,
    location: `${JOBS_BASE}/${job_id}`,
    respond: async () => respond(await deps.queries.visible(job_id, user_id, todayOf(now))),
  });
}
