import { DomainError } from '../shared/errors';
import { assess, BudgetAssessment, TokenEstimate, TokenLimits } from '../llm/token-budget';
import { GenerationQueries } from './generation-queries';

export interface TokenBudget {
  limits: TokenLimits;
  /** False with the deterministic writer: it spends no tokens, so there is nothing to budget. */
  enforced: boolean;
}

/** The start of the UTC day `now` falls in. */
const dayStart = (now: string) => `${now.slice(0, 10)}T00:00:00.000Z`;

/**
 * The spec's token budgets before a generation is accepted, from the tokens recorded by the
 * generations of the day (UTC) and the new one's estimate:
 *   warn (70 %)     accepted; the answer says so (`Token-Budget` header) and the log records it;
 *   throttle (85 %) accepted only when the user has no other generation under way;
 *   suspend (95 %)  refused (429) until the next UTC day.
 */
export async function checkTokenBudget(
  queries: GenerationQueries,
  budget: TokenBudget | undefined,
  user_id: string,
  estimate: TokenEstimate,
  now: string,
): Promise<BudgetAssessment> {
  if (!budget?.enforced) return { level: 'ok', reasons: [] };
  const since = dayStart(now);
  const [user_today, overall_today] = await Promise.all([queries.tokensSince(since, user_id), queries.tokensSince(since)]);
  const assessment = assess({ generation: 0, user_today, overall_today }, estimate, budget.limits);
  if (assessment.level === 'suspend') {
    throw new DomainError('GENERATION.BUDGET_EXCEEDED', `The token budget is used up until the end of the day (UTC): ${assessment.reasons.join('; ')}`);
  }
  if (assessment.level === 'throttle' && (await queries.underWay(user_id)) > 0) {
    throw new DomainError('GENERATION.BUDGET_EXCEEDED', `The token budget is nearly used up: one generation at a time until the end of the day (UTC): ${assessment.reasons.join('; ')}`);
  }
  return assessment;
}
