import { GenerationView } from '../../contracts/generations/http';
import { GenerationsReadModel } from '../../contracts/generations/read-model';
import { ProfileView } from '../../contracts/profiles/read-model';
import { afterWrite, WriteOutcome } from '../http/after-write';
import { etag } from '../http/etag';
import { HttpResult } from '../http/route';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { GenerationQueries } from './generation-queries';
import { TokenBudget } from './token-budget-gate';

export interface GenerationRouteDeps {
  commands: CommandHandler;
  queries: GenerationQueries;
  waiter: ProjectionWaiter;
  /** The profile as it was at `version` (what a generation drew on); null when that version is unknown. */
  profileAt(profile_id: string, version: number): Promise<ProfileView | null>;
  /** The spec's token budgets, enforced when the writer spends tokens (an LLM). */
  token_budget?: TokenBudget;
  /** How often the event stream of a generation looks for a change, in ms. */
  poll_ms?: number;
}

export const GENERATIONS_BASE = '/api/v1/generations';

export const viewResult = (status: number, view: GenerationView): HttpResult => ({
  status,
  body: view,
  headers: { ETag: etag(view.version), Location: `${GENERATIONS_BASE}/${view.id}` },
});

/**
 * After a write: the generation as the read model now has it (see afterWrite). A new generation
 * is answered 202 either way: it is accepted and runs in the background.
 */
export function written(
  deps: GenerationRouteDeps,
  generation_id: string,
  user_id: string,
  outcome: WriteOutcome,
  respond: (view: GenerationView) => HttpResult = (view) => viewResult(200, view),
): Promise<HttpResult> {
  return afterWrite({
    waiter: deps.waiter,
    readModel: GenerationsReadModel.name,
    written: outcome,
    location: `${GENERATIONS_BASE}/${generation_id}`,
    respond: async () => respond(await deps.queries.view(generation_id, user_id)),
  });
}
