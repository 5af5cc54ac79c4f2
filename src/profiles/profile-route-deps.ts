import { ProfilesReadModel, ProfileView } from '../../contracts/profiles/read-model';
import { afterWrite, WriteOutcome } from '../http/after-write';
import { etag } from '../http/etag';
import { HttpResult } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { ProfileQueries } from './profile-queries';

export interface ProfileRouteDeps {
  commands: CommandHandler;
  queries: ProfileQueries;
  waiter: ProjectionWaiter;
}

export const PROFILES_BASE = '/api/v1/profiles';

export const viewResult = (status: number, view: ProfileView) => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${PROFILES_BASE}/${view.id}` },
});

/** After a write: the profile as the read model now has it (see afterWrite). */
export function written(
  deps: ProfileRouteDeps,
  profile_id: string,
  user_id: string,
  outcome: WriteOutcome,
  respond: (view: ProfileView) => HttpResult = (view) => viewResult(200, view),
): Promise<HttpResult> {
  return afterWrite({
    waiter: deps.waiter,
    readModel: ProfilesReadModel.name,
    written: outcome,
    location: `${PROFILES_BASE}/${profile_id}`,
    respond: async () => respond(await deps.queries.owned(profile_id, user_id)),
  });
}
