import type { ApiEnv } from './api-routes';
import { badRequest, notFound, ProblemError } from './problem';
import type { RequestContext } from './route-table';

/**
 * What every policy-scoped route checks first, and the `since` filter its lists share
 * (insurer-apis.md §3.1 "Policy scoping" and "Also accepted").
 */
export function policyOf(context: RequestContext, env: ApiEnv) {
  const { policyId } = context.params;
  if (policyId !== env.state.policy.id) throw notFound('unknown_policy', `No policy ${policyId}.`);
  if (!env.client?.policyIds.includes(policyId)) throw new ProblemError(403, 'policy_not_in_scope', 'Forbidden', `This API key may not see policy ${policyId}.`);
  return env.state.policy;
}

/** `?since=<instant>`: only what changed at or after it. */
export const sinceFilter = (query: URLSearchParams) => {
  const since = query.get('since');
  if (since === null) return () => true;
  if (Number.isNaN(Date.parse(since))) throw badRequest('invalid_parameter', 'since must be an ISO 8601 instant.', [{ code: 'invalid', detail: 'Not an instant', source: { parameter: 'since' } }]);
  const from = Date.parse(since);
  return (updatedAt: string | null) => updatedAt !== null && Date.parse(updatedAt) >= from;
};
