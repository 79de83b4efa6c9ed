import type { ApiEnv } from './api-routes';
import { submitClaim, parseClaim } from './claims';
import { parseCollectionCase, submitCollectionCase } from './collection-cases';
import { claimView, collectionCaseView, overdueView, settlementView } from './loss-views';
import { parseOverdue, submitOverdue } from './overdues';
import { policyOf, sinceFilter } from './policy-scope';
import { notFound } from './problem';
import { jsonBody, pageOf, paging, type RequestContext, type Route, type SandboxResponse } from './route-table';

/**
 * The loss side of the insurer API (insurer-apis.md §3.2 "Overdues" and "Collections and claims"): each
 * write answers 202 with the resource as received, the insurer's timeline moves it on later; each list
 * pages like /covers and filters on status, companyId and since.
 */
interface Listed {
  readonly companyId: string;
  readonly status?: string;
  readonly updatedAt: string;
}

function list<T extends Listed>(context: RequestContext, env: ApiEnv, records: readonly T[], view: (record: T, policyId: string) => unknown): SandboxResponse {
  const policy = policyOf(context, env);
  const { page, pageSize } = paging(context.query);
  const status = context.query.get('status');
  const companyId = context.query.get('companyId');
  const since = sinceFilter(context.query);
  const items = records.filter((record) => (!status || record.status === status) && (!companyId || record.companyId === companyId) && since(record.updatedAt));
  return pageOf(items, page, pageSize, {}, (record) => view(record, policy.id));
}

function single<T>(context: RequestContext, env: ApiEnv, found: T | undefined, what: string, view: (record: T, policyId: string) => unknown): SandboxResponse {
  const policy = policyOf(context, env);
  if (found === undefined) throw notFound(`unknown_${what.replace(/ /g, '_')}`, `No ${what} ${Object.values(context.params).at(-1)}.`);
  return { status: 200, body: view(found, policy.id) };
}

const accepted = (view: { resourceUrl: string }): SandboxResponse => ({ status: 202, headers: { Location: view.resourceUrl }, body: view });
const base = '/v1/policies/:policyId';

export const LOSS_ROUTES: readonly Route<ApiEnv>[] = [
  {
    method: 'POST',
    path: `${base}/overdues`,
    handle: (context, env) => {
      const policy = policyOf(context, env);
      return accepted(overdueView(submitOverdue(env.state, parseOverdue(jsonBody(context), env.state), env.clock.nowIso(), env.clock.today()), policy.id));
    },
  },
  { method: 'GET', path: `${base}/overdues`, handle: (context, env) => list(context, env, env.state.overdues, overdueView) },
  { method: 'GET', path: `${base}/overdues/:overdueId`, handle: (context, env) => single(context, env, env.state.overdues.find((overdue) => overdue.overdueId === context.params.overdueId), 'overdue', overdueView) },
  {
    method: 'POST',
    path: `${base}/collection-cases`,
    handle: (context, env) => {
      const policy = policyOf(context, env);
      return accepted(collectionCaseView(submitCollectionCase(env.state, parseCollectionCase(jsonBody(context), env.state), env.clock.nowIso(), env.clock.today()), policy.id));
    },
  },
  { method: 'GET', path: `${base}/collection-cases`, handle: (context, env) => list(context, env, env.state.collectionCases, collectionCaseView) },
  { method: 'GET', path: `${base}/collection-cases/:caseId`, handle: (context, env) => single(context, env, env.state.collectionCases.find((collectionCase) => collectionCase.caseId === context.params.caseId), 'case', collectionCaseView) },
  {
    method: 'POST',
    path: `${base}/claims`,
    handle: (context, env) => {
      const policy = policyOf(context, env);
      return accepted(claimView(submitClaim(env.state, parseClaim(jsonBody(context), env.state), env.clock.nowIso(), env.clock.today()), policy.id));
    },
  },
  { method: 'GET', path: `${base}/claims`, handle: (context, env) => list(context, env, env.state.claims, claimView) },
  { method: 'GET', path: `${base}/claims/:claimId`, handle: (context, env) => single(context, env, env.state.claims.find((claim) => claim.claimId === context.params.claimId), 'claim', claimView) },
  {
    method: 'GET',
    path: `${base}/settlements`,
    handle: (context, env) => {
      const settlements = env.state.settlements.map((settlement) => ({ ...settlement, updatedAt: settlement.paidAt }));
      const claimId = context.query.get('claimId');
      return list(context, env, claimId ? settlements.filter((settlement) => settlement.claimId === claimId) : settlements, settlementView);
    },
  },
  { method: 'GET', path: `${base}/settlements/:settlementId`, handle: (context, env) => single(context, env, env.state.settlements.find((settlement) => settlement.settlementId === context.params.settlementId), 'settlement', settlementView) },
];
