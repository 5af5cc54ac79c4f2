import { ProfilesReadModel } from '../../contracts/profiles/read-model';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { ProfileQueries } from './queries';
import { ProfileCommands } from './service';

export interface ProfileRouteDeps {
  commands: ProfileCommands;
  queries: ProfileQueries;
  waiter: ProjectionWaiter;
}


/** After a write, wait for the read model so the next GET sees it, and answer with the new state. */
export async function written(deps: ProfileRouteDeps, profile_id: string, user_id: string, position: string | null) {
  if (position) await deps.waiter.waitFor(ProfilesReadModel.name, position);
  return deps.queries.owned(profile_id, user_id);
}

