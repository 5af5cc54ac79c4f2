import { JobView } from '../../contracts/jobs/read-model';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { etag } from '../http/etag';
import { todayOf } from './expiry';
import { JobQueries } from './queries';
import { JobCommands } from './service';

export interface JobRouteDeps {
  commands: JobCommands;
  queries: JobQueries;
  waiter: ProjectionWaiter;
}

export const JOBS_BASE = '/api/v1/jobs';

/** After a write, wait for the read model so the next GET sees it, and answer with the new state. */
export async function written(deps: JobRouteDeps, job_id: string, user_id: string, position: string | null, now: string) {
  if (position) await deps.waiter.waitFor(JobsReadModel.name, position);
  return deps.queries.visible(job_id, user_id, todayOf(now));
}

export const viewResult = (status: number, view: JobView) => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${JOBS_BASE}/${view.id}` },
});
