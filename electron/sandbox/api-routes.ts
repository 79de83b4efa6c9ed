import { toDecimalString } from '../../shared/money/money';
import { headCursor, readFeed } from './change-feed';
import { findCompanies } from './company-lookup';
import { buyerCheckAnswer } from './buyer-check-routes';
import { gradeOf, parseCoverRequest, submitCoverRequest, withdrawCoverRequest } from './cover-requests';
import type { FaultInjector } from './fault-injection';
import { LOSS_ROUTES } from './loss-routes';
import { policyOf, sinceFilter } from './policy-scope';
import { badRequest, notFound } from './problem';
import { companyView, coverView, requestView } from './resource-views';
import { jsonBody, pageOf, paging, type Route } from './route-table';
import type { ApiKeyRecord, SandboxState } from './sandbox-state';
import { coverAsSent } from './schema-faults';
import { SANDBOX_TURNOVER_TERMS, TURNOVER_ROUTES } from './turnover-declarations';
import { issueToken, readCredentials } from './token-auth';
import type { VirtualClock } from './virtual-clock';

/**
 * The insurer API under /v1 (insurer-apis.md §3.2, canonical mode). Handlers are synchronous over the
 * state: Node runs one at a time, so a check such as "one pending request per buyer" cannot race.
 */
export interface ApiEnv {
  readonly state: SandboxState;
  readonly clock: VirtualClock;
  readonly faults: FaultInjector;
  /** The caller's API key; absent only on public routes. */
  readonly client?: ApiKeyRecord;
}

export function policyView(env: ApiEnv) {
  const { maxCoverPerBuyerMinor, discretionaryLimitMax, deductible, ...terms } = env.state.policy;
  const decimal = (amountMinor: number) => toDecimalString({ amountMinor, currency: terms.currency });
  return { ...terms, policyId: terms.id, status: 'ACTIVE', maxCoverPerBuyer: decimal(maxCoverPerBuyerMinor), discretionaryLimitMax: decimal(discretionaryLimitMax.amountMinor), deductible: decimal(deductible.amountMinor), ...SANDBOX_TURNOVER_TERMS };
}

function feedLimit(text: string | null): number {
  if (text === null) return 100;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 500) throw badRequest('invalid_parameter', 'limit must be a whole number from 1 to 500.', [{ code: 'invalid', detail: '1–500', source: { parameter: 'limit' } }]);
  return Number(text);
}

export const API_ROUTES: readonly Route<ApiEnv>[] = [
  {
    method: 'POST',
    path: '/v1/auth/token',
    public: true,
    handle: (context, env) => ({ status: 200, headers: { 'Cache-Control': 'no-store' }, body: issueToken(env.state, readCredentials(String(context.headers['content-type'] ?? ''), context.rawBody, context.headers.authorization), context.caller, env.clock.now()) }),
  },
  { method: 'GET', path: '/v1/policies', handle: (_context, env) => ({ status: 200, body: { items: env.client?.policyIds.includes(env.state.policy.id) ? [policyView(env)] : [] } }) },
  {
    method: 'GET',
    path: '/v1/policies/:policyId',
    handle: (context, env) => {
      policyOf(context, env);
      return { status: 200, body: policyView(env) };
    },
  },
  { method: 'GET', path: '/v1/companies', handle: (context, env) => ({ status: 200, body: { items: findCompanies(env.state, context.query).slice(0, 100).map(companyView) } }) },
  {
    method: 'GET',
    path: '/v1/companies/:companyId',
    handle: (context, env) => {
      const company = env.state.companies.find((candidate) => candidate.companyId === context.params.companyId);
      if (!company) throw notFound('unknown_company', `No buyer ${context.params.companyId}.`);
      return { status: 200, body: companyView(company) };
    },
  },
  {
    method: 'POST',
    path: '/v1/policies/:policyId/cover-requests',
    handle: (context, env) => {
      const policy = policyOf(context, env);
      const body = jsonBody(context) as Record<string, unknown> | null;
      // A grade-only request or a credit check (insurer-apis.md §3.2 `type: GRADE_ONLY`, `coverType: CREDIT_CHECK`): answered at once.
      if (body && (body.type === 'GRADE_ONLY' || body.coverType === 'CREDIT_CHECK')) return buyerCheckAnswer(env, policy.id, body);
      const result = submitCoverRequest(env.state, parseCoverRequest(body, env.state), env.clock.nowIso(), { reissueCover: env.faults.settings.reissueCovers });
      const location = `/v1/policies/${policy.id}/cover-requests/${result.request.requestId}`;
      if (!result.decided) {
        return { status: 202, headers: { Location: location }, body: { jobId: result.request.jobId, requestId: result.request.requestId, status: 'PENDING', resourceUrl: null } };
      }
      return { status: 201, headers: { Location: location }, body: { request: requestView(result.request, policy.id), cover: coverAsSent(coverView(result.cover, gradeOf(env.state, result.cover.companyId)), env.faults.settings.malformedCoverBuyers) } };
    },
  },
  {
    method: 'GET',
    path: '/v1/policies/:policyId/cover-requests',
    handle: (context, env) => {
      const policy = policyOf(context, env);
      const { page, pageSize } = paging(context.query);
      const status = context.query.get('status');
      const companyId = context.query.get('companyId');
      const since = sinceFilter(context.query);
      const items = env.state.requests.filter((request) => (!status || request.status === status) && (!companyId || request.companyId === companyId) && since(request.decidedAt ?? request.receivedAt));
      return pageOf(items, page, pageSize, {}, (request) => requestView(request, policy.id));
    },
  },
  {
    method: 'GET',
    path: '/v1/policies/:policyId/cover-requests/:requestId',
    handle: (context, env) => {
      const policy = policyOf(context, env);
      const request = env.state.requests.find((candidate) => candidate.requestId === context.params.requestId);
      if (!request) throw notFound('unknown_request', `No cover request ${context.params.requestId}.`);
      return { status: 200, body: requestView(request, policy.id) };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/policies/:policyId/cover-requests/:requestId',
    handle: (context, env) => {
      policyOf(context, env);
      withdrawCoverRequest(env.state, context.params.requestId!, env.clock.nowIso());
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/v1/jobs/:jobId',
    handle: (context, env) => {
      const request = env.state.requests.find((candidate) => candidate.jobId === context.params.jobId);
      if (!request) throw notFound('unknown_job', `No job ${context.params.jobId}.`);
      const view = requestView(request, env.state.policy.id);
      const status = request.status === 'PENDING' ? 'PENDING' : request.status === 'DECIDED' ? 'PROCESSED' : 'FAILED';
      return { status: 200, body: { jobId: request.jobId, requestId: request.requestId, status, resourceUrl: view.resourceUrl, ...(status === 'FAILED' && { error: { code: 'request_withdrawn' } }) } };
    },
  },
  {
    method: 'GET',
    path: '/v1/policies/:policyId/covers',
    handle: (context, env) => {
      policyOf(context, env);
      const { page, pageSize } = paging(context.query);
      const status = context.query.get('status');
      const companyId = context.query.get('companyId');
      const since = sinceFilter(context.query);
      const items = env.state.covers.filter((cover) => (!status || cover.status === status) && (!companyId || cover.companyId === companyId) && since(cover.updatedAt));
      // The cursor lets a client that resyncs from this list continue on the change feed without a gap.
      return pageOf(items, page, pageSize, { cursor: headCursor(env.state, env.clock.now().getTime()) }, (cover) => coverAsSent(coverView(cover, gradeOf(env.state, cover.companyId)), env.faults.settings.malformedCoverBuyers));
    },
  },
  {
    method: 'GET',
    path: '/v1/policies/:policyId/covers/:coverId',
    handle: (context, env) => {
      policyOf(context, env);
      const cover = env.state.covers.find((candidate) => candidate.coverId === context.params.coverId);
      if (!cover) throw notFound('unknown_cover', `No cover ${context.params.coverId}.`);
      return { status: 200, headers: { ETag: `"${cover.version}"` }, body: coverAsSent(coverView(cover, gradeOf(env.state, cover.companyId)), env.faults.settings.malformedCoverBuyers) };
    },
  },
  {
    method: 'GET',
    path: '/v1/policies/:policyId/changes',
    handle: (context, env) => {
      policyOf(context, env);
      const limit = feedLimit(context.query.get('limit'));
      const cursor = context.query.get('cursor') ?? undefined;
      const faults = { duplicateEvents: env.faults.settings.duplicateFeedEvents, reorderEvents: env.faults.settings.reorderFeedEvents, malformedCoverBuyers: env.faults.settings.malformedCoverBuyers };
      return { status: 200, body: readFeed(env.state, { cursor, limit, nowMs: env.clock.now().getTime(), faults }) };
    },
  },
  ...LOSS_ROUTES,
  ...TURNOVER_ROUTES,
];
