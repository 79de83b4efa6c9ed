import { minorUnitDigits, toDecimalString } from '../../shared/money/money';
import type { ApiEnv } from './api-routes';
import { policyView } from './api-routes';
import { GRADE_REQUEST_TYPE } from '../main/insurer/dialects/allianz-mapping';
import { companyOfGradeJob, gradeOnlyRequest } from './buyer-checks';
import { allianzCoverView, allianzGradeCoverView, allianzOverdueView, allianzRequestView, requestOfJob, requestUpdatedAt, SANDBOX_ALLIANZ } from './allianz-views';
import { findCompanies } from './company-lookup';
import { parseCoverRequest, submitCoverRequest } from './cover-requests';
import { parseOverdue, submitOverdue } from './overdues';
import { badRequest, notFound, ProblemError } from './problem';
import { jsonBody, type RequestContext, type Route, type SandboxResponse } from './route-table';
import type { CoverRequestType } from './sandbox-state';
import { issueToken } from './token-auth';

/**
 * The sandbox in Allianz Trade's dialect (issue 18; insurer-apis.md §1.1 and §3.4 "Modes"): the same state and
 * decision engine as the canonical API under Allianz's routes — API key → bearer token, company matching,
 * riskinfo v3 cover requests answered by a job id (the job polled until processed, then its `resourceUrl`
 * read), cover search answering 206 Partial Content while pages follow, cover-request search, Payment Overdues
 * (OVD / EXP / RES), errors as `{"errors":[{"code","message"}]}` (sandbox-server.ts). The `pendingJobPolls`
 * fault answers the next job polls "pending". Not served: collections and claims, which Allianz's public
 * material does not show.
 */
const UID_TYPES: Readonly<Record<string, string>> = { KVK: 'KVK', ORGNR: 'ORGNR', CRN: 'CRN', RSIN: 'RSIN', VAT: 'VAT' };

/** The policy a call names (`policy` or `policies[]`) must be this sandbox's, and in the key's scope. */
function scoped(env: ApiEnv, named: unknown): void {
  const list = Array.isArray(named) ? named : [named];
  const ok = list.length > 0 && list.every((policy) => {
    const ref = (policy ?? {}) as { businessUnitCode?: unknown; policyId?: unknown };
    return ref.businessUnitCode === SANDBOX_ALLIANZ.businessUnitCode && String(ref.policyId) === env.state.policy.id;
  });
  if (!ok || !env.client?.policyIds.includes(env.state.policy.id)) throw new ProblemError(403, 'policy_not_in_scope', 'Forbidden', 'This policy is not in the scope of this API key.');
}

/** Answers carry the insurer's own (virtual) time in Date: Kredo's watermark is taken from it. */
const dated = (env: ApiEnv, answer: SandboxResponse): SandboxResponse => ({ ...answer, headers: { ...answer.headers, Date: env.clock.now().toUTCString() } });

const instantFilter = (value: unknown, name: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badRequest('invalid_parameter', `${name} must be a date and time.`, [{ code: 'invalid', detail: 'Not a date', source: { pointer: `/${name}` } }]);
  return ms;
};

/** A search body's paging: `pagination: {page, pageSize}`; 206 while more pages follow (seen in v2's list). */
function paged<T>(env: ApiEnv, body: Record<string, unknown>, items: readonly T[], view: (item: T) => unknown): SandboxResponse {
  const pagination = (body.pagination ?? {}) as { page?: unknown; pageSize?: unknown };
  const pageSize = Math.min(10_000, Math.max(1, Number(pagination.pageSize ?? 100) || 100));
  const page = Math.max(1, Number(pagination.page ?? 1) || 1);
  const start = (page - 1) * pageSize;
  const more = start + pageSize < items.length;
  return dated(env, { status: more ? 206 : 200, headers: { 'Total-Items': String(items.length) }, body: items.slice(start, start + pageSize).map(view) });
}

/** A cover request (POST a new or increased cover, PATCH a reduction, DELETE a cancellation) as the canonical request the engine decides; answers its job id. */
function coverRequest(context: RequestContext, env: ApiEnv, method: 'POST' | 'PATCH' | 'DELETE'): SandboxResponse {
  const body = (context.rawBody === '' ? {} : jsonBody(context)) as Record<string, unknown>;
  scoped(env, body.policy);
  let companyId = body.companyId;
  let type: CoverRequestType;
  if (method === 'POST' && body.requestTypeCode === GRADE_REQUEST_TYPE) {
    // A grade-only request (seen: `GradeCover`): a job like any cover request, its resource the grade (buyer-checks.ts).
    return dated(env, { status: 202, body: gradeOnlyRequest(env.state, String(companyId ?? '')).jobId });
  }
  if (method === 'POST') {
    type = body.requestTypeCode === 'Increase' ? 'INCREASE' : 'NEW';
    if (body.requestTypeCode !== 'Primary' && body.requestTypeCode !== 'Increase') throw badRequest('invalid_body', 'requestTypeCode must be Primary or Increase.', [{ code: 'invalid', detail: 'Unknown request type', source: { pointer: '/requestTypeCode' } }]);
  } else {
    const cover = env.state.covers.find((candidate) => candidate.coverId === context.params.coverId);
    if (!cover) throw notFound('unknown_cover', `No cover ${context.params.coverId}.`);
    companyId = cover.companyId;
    type = method === 'PATCH' ? 'REDUCE' : 'CANCEL';
  }
  const details = (body.creditLimitDetails ?? {}) as { requestedAmount?: unknown; currencyCode?: unknown };
  const amount = details.requestedAmount;
  const currency = typeof details.currencyCode === 'string' ? details.currencyCode : env.state.policy.currency;
  const canonical = {
    companyId,
    type,
    currency,
    customerReference: body.customerReference,
    ...(type !== 'CANCEL' && { requestedAmount: typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 ? toDecimalString({ amountMinor: Math.round(amount * 10 ** minorUnitDigits(currency)), currency }) : String(amount) }),
  };
  const result = submitCoverRequest(env.state, parseCoverRequest(canonical, env.state), env.clock.nowIso(), { reissueCover: env.faults.settings.reissueCovers });
  // Seen: the job id is the whole JSON body.
  return dated(env, { status: 202, body: result.request.jobId });
}

/** A job, or "pending" while the `pendingJobPolls` fault lasts. */
function job(env: ApiEnv, found: { readonly resourceUrl?: string; readonly requestId?: string; readonly failed?: boolean } | undefined, jobId: string): SandboxResponse {
  if (!found) throw notFound('unknown_job', `No job ${jobId}.`);
  if (env.faults.takePendingJobPoll()) return dated(env, { status: 200, body: { jobId, jobStatusCode: 'PENDING' } });
  if (found.failed) return dated(env, { status: 200, body: { jobId, jobStatusCode: 'FAILED' } });
  return dated(env, { status: 200, body: { jobId, jobStatusCode: 'PROCESSED', ...(found.requestId && { requestId: found.requestId }), ...(found.resourceUrl && { resourceUrl: found.resourceUrl }) } });
}

const OVERDUE_JOB_PREFIX = 'JOB-';

export const ALLIANZ_ROUTES: readonly Route<ApiEnv>[] = [
  {
    method: 'POST',
    path: '/v1/idp/oauth2/authorize',
    public: true,
    handle: (context, env) => {
      const apiKey = (jsonBody(context) as { apiKey?: unknown } | null)?.apiKey;
      if (typeof apiKey !== 'string' || apiKey === '') throw badRequest('missing_credentials', 'Send {"apiKey": "…"}.');
      return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: issueToken(env.state, { apiKey }, context.caller, env.clock.now()) };
    },
  },
  {
    method: 'POST',
    path: '/search/v2/companies/matching',
    handle: (context, env) => {
      const body = jsonBody(context) as { countryCode?: unknown; companyIdentifiers?: { idTypeCode?: unknown; idValue?: unknown }[] };
      const identifier = Array.isArray(body.companyIdentifiers) ? body.companyIdentifiers[0] : undefined;
      const idType = UID_TYPES[String(identifier?.idTypeCode)];
      if (typeof body.countryCode !== 'string' || !idType || typeof identifier?.idValue !== 'string') throw badRequest('invalid_body', 'countryCode and companyIdentifiers[{idTypeCode, idValue}] are required.');
      const found = findCompanies(env.state, new URLSearchParams({ country: body.countryCode, idType, idValue: identifier.idValue }));
      return dated(env, { status: 200, body: { results: found.slice(0, 10).map((company) => ({ company: { companyId: company.companyId, legalData: { companyName: company.legalName }, address: { countryCode: company.country } }, matchingScore: 100 })) } });
    },
  },
  { method: 'POST', path: '/riskinfo/v3/covers', handle: (context, env) => coverRequest(context, env, 'POST') },
  { method: 'PATCH', path: '/riskinfo/v3/covers/:coverId', handle: (context, env) => coverRequest(context, env, 'PATCH') },
  { method: 'DELETE', path: '/riskinfo/v3/covers/:coverId', handle: (context, env) => coverRequest(context, env, 'DELETE') },
  {
    method: 'GET',
    path: '/riskinfo/v3/covers/:coverId',
    handle: (context, env) => {
      const graded = companyOfGradeJob(env.state, context.params.coverId ?? '');
      if (graded) return dated(env, { status: 200, body: allianzGradeCoverView(context.params.coverId ?? '', graded) });
      const cover = env.state.covers.find((candidate) => candidate.coverId === context.params.coverId);
      if (!cover) throw notFound('unknown_cover', `No cover ${context.params.coverId}.`);
      return dated(env, { status: 200, body: allianzCoverView(cover) });
    },
  },
  {
    method: 'GET',
    path: '/riskinfo/v3/jobs/:jobId',
    handle: (context, env) => {
      const jobId = context.params.jobId ?? '';
      if (companyOfGradeJob(env.state, jobId)) return job(env, { resourceUrl: `/riskinfo/v3/covers/${jobId}` }, jobId);
      const request = requestOfJob(env.state, jobId);
      // A request with an underwriter: processed, no decision to point at yet (UNVERIFIED, see allianz-gateway.ts).
      return job(env, request && { requestId: request.requestId, failed: request.status === 'WITHDRAWN', ...(request.status === 'DECIDED' && { resourceUrl: `/riskinfo/v3/covers/${request.coverId}` }) }, jobId);
    },
  },
  {
    method: 'POST',
    path: '/riskinfo/v3/covers/search',
    handle: (context, env) => {
      const body = jsonBody(context) as Record<string, unknown>;
      scoped(env, body.policies);
      const from = instantFilter(body.lastUpdateDateFrom, 'lastUpdateDateFrom');
      const companies = Array.isArray(body.companyIds) ? new Set(body.companyIds.map(String)) : undefined;
      const covers = env.state.covers.filter((cover) => (!companies || companies.has(cover.companyId)) && (from === undefined || Date.parse(cover.updatedAt) >= from));
      return paged(env, body, covers, allianzCoverView);
    },
  },
  {
    method: 'POST',
    path: '/riskinfo/v3/coverRequests/search',
    handle: (context, env) => {
      const body = jsonBody(context) as Record<string, unknown>;
      scoped(env, body.policies);
      const updatedFrom = instantFilter(body.lastUpdateDateFrom, 'lastUpdateDateFrom');
      const createdFrom = instantFilter(body.creationDateFrom, 'creationDateFrom');
      const status = body.requestStatusCode;
      const companies = Array.isArray(body.companyIds) ? new Set(body.companyIds.map(String)) : undefined;
      const requests = env.state.requests.filter(
        (request) =>
          (!companies || companies.has(request.companyId)) &&
          (updatedFrom === undefined || Date.parse(requestUpdatedAt(request)) >= updatedFrom) &&
          (createdFrom === undefined || Date.parse(request.receivedAt) >= createdFrom) &&
          (status === undefined || allianzRequestView(request).requestStatusCode === status),
      );
      return paged(env, body, requests, allianzRequestView);
    },
  },
  {
    method: 'GET',
    path: '/policy/v1/policies/:policyId',
    handle: (context, env) => {
      scoped(env, { businessUnitCode: context.query.get('businessUnitCode'), policyId: context.params.policyId });
      return dated(env, { status: 200, body: policyView(env) });
    },
  },
  {
    method: 'POST',
    path: '/payment-overdues/v1/overdues',
    handle: (context, env) => {
      const body = jsonBody(context) as Record<string, unknown>;
      scoped(env, body.policy);
      const invoices = Array.isArray(body.invoices) ? (body.invoices as Record<string, unknown>[]) : body.invoices;
      const decimal = (value: unknown, currency: unknown) => (typeof value === 'number' && typeof currency === 'string' ? value.toFixed(minorUnitDigits(currency)) : value);
      const canonical = {
        companyId: body.companyId,
        category: body.overdueCategoryTypeCode,
        customerReference: body.customerReference,
        ...(body.newDueDate !== undefined && { newDueDate: body.newDueDate }),
        invoices: Array.isArray(invoices)
          ? invoices.map((invoice) => ({ number: invoice.invoiceReference, issueDate: invoice.invoiceDate, dueDate: invoice.dueDate, grossAmount: decimal(invoice.amount, invoice.currencyCode), netAmount: decimal(invoice.netAmount, invoice.currencyCode), currency: invoice.currencyCode }))
          : invoices,
      };
      const overdue = submitOverdue(env.state, parseOverdue(canonical, env.state), env.clock.nowIso(), env.clock.today());
      return dated(env, { status: 202, body: `${OVERDUE_JOB_PREFIX}${overdue.overdueId}` });
    },
  },
  {
    method: 'GET',
    path: '/payment-overdues/v1/jobs/:jobId',
    handle: (context, env) => {
      const jobId = context.params.jobId ?? '';
      const overdue = jobId.startsWith(OVERDUE_JOB_PREFIX) ? env.state.overdues.find((candidate) => candidate.overdueId === jobId.slice(OVERDUE_JOB_PREFIX.length)) : undefined;
      return job(env, overdue && { resourceUrl: `/payment-overdues/v1/overdues/${overdue.overdueId}` }, jobId);
    },
  },
  {
    method: 'GET',
    path: '/payment-overdues/v1/overdues',
    handle: (context, env) => {
      scoped(env, { businessUnitCode: context.query.get('businessUnitCode'), policyId: context.query.get('policyId') });
      const companyId = context.query.get('companyId');
      const createdFrom = instantFilter(context.query.get('creationDateFrom') ?? undefined, 'creationDateFrom');
      const updatedFrom = instantFilter(context.query.get('lastUpdateDateFrom') ?? undefined, 'lastUpdateDateFrom');
      const items = env.state.overdues.filter((overdue) => (!companyId || overdue.companyId === companyId) && (createdFrom === undefined || Date.parse(overdue.receivedAt) >= createdFrom) && (updatedFrom === undefined || Date.parse(overdue.updatedAt) >= updatedFrom));
      return dated(env, { status: 200, body: { items: items.slice(0, 500).map(allianzOverdueView) } });
    },
  },
  {
    method: 'GET',
    path: '/payment-overdues/v1/overdues/:overdueId',
    handle: (context, env) => {
      const overdue = env.state.overdues.find((candidate) => candidate.overdueId === context.params.overdueId);
      if (!overdue) throw notFound('unknown_overdue', `No overdue ${context.params.overdueId}.`);
      return dated(env, { status: 200, body: allianzOverdueView(overdue) });
    },
  },
];
