import { timingSafeEqual } from 'node:crypto';
import { minorUnitDigits, toDecimalString } from '../../shared/money/money';
import type { ApiEnv } from './api-routes';
import { policyView } from './api-routes';
import { atradiusCoverView, atradiusReferralView, SANDBOX_ATRADIUS } from './atradius-views';
import { creditCheck } from './buyer-checks';
import { findCompanies } from './company-lookup';
import { parseCoverRequest, submitCoverRequest } from './cover-requests';
import { badRequest, notFound, ProblemError, unauthorized } from './problem';
import { jsonBody, type RequestContext, type Route, type SandboxResponse } from './route-table';
import type { CoverRequestType } from './sandbox-state';
import { issueToken } from './token-auth';

/**
 * The sandbox in Atradius's dialect (issue 18; insurer-apis.md §1.2.2 and §3.4 "Modes"): the same state and
 * decision engine as the canonical API under Atradius's routes — three-secret sign-in, buyers by national
 * identifier, cover-management covers with `fromDate`, 201 decided / 202 referred, supersede / reduce /
 * cancel, JSON:API errors (sandbox-server.ts), and the `partialContentPages` fault (206 on every page but
 * the last). Not served: overdues, collections and claims, which Atradius's public API does not show.
 */
const ALPHA2: Readonly<Record<string, string>> = { NLD: 'NL', SWE: 'SE', GBR: 'GB', BEL: 'BE', DEU: 'DE', FRA: 'FR', DNK: 'DK', NOR: 'NO', FIN: 'FI' };
const UID_TYPES: Readonly<Record<string, string>> = { KVK: 'KVK', ORGNR: 'ORGNR', CRN: 'CRN', VAT: 'VAT' };
const ACTIONS: Readonly<Record<string, CoverRequestType>> = { supersede: 'INCREASE', reduce: 'REDUCE', cancel: 'CANCEL' };

const sameSecret = (given: string, expected: string) => given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** Every Atradius call carries the app key; the customer and policy in the query must be this key's. */
function scoped(context: RequestContext, env: ApiEnv, scope: URLSearchParams | Record<string, unknown> = context.query): void {
  const appKey = context.headers['atradius-app-key'];
  if (typeof appKey !== 'string' || !sameSecret(appKey, SANDBOX_ATRADIUS.appKey)) throw unauthorized('invalid_app_key', 'Send the Atradius-App-Key header with a valid app key.');
  const read = (name: string) => (scope instanceof URLSearchParams ? scope.get(name) : (scope[name] as unknown));
  if (read('customerId') !== SANDBOX_ATRADIUS.customerId || read('policyId') !== env.state.policy.id || !env.client?.policyIds.includes(env.state.policy.id)) {
    throw new ProblemError(403, 'policy_not_in_scope', 'Forbidden', 'This customer and policy are not in the scope of these credentials.');
  }
}

/** Answers carry the insurer's own (virtual) time in Date: Kredo's `fromDate` watermark is taken from it. */
const dated = (env: ApiEnv, answer: SandboxResponse): SandboxResponse => ({ ...answer, headers: { ...answer.headers, Date: env.clock.now().toUTCString() } });

/** An application (POST) or a change of cover (PUT, with `action`) as the canonical request the engine decides. */
function application(context: RequestContext, env: ApiEnv, method: 'POST' | 'PUT'): SandboxResponse {
  const body = jsonBody(context) as Record<string, unknown>;
  scoped(context, env, body);
  // A credit check (seen: `coverType: credit-check`): the policy's amount, answered at once (buyer-checks.ts).
  if (method === 'POST' && body.coverType === 'credit-check') {
    const { cover } = creditCheck(env.state, { companyId: String(body.buyerId ?? ''), customerReference: typeof body.customerRefNumber === 'string' ? body.customerRefNumber : null }, env.clock.nowIso());
    return dated(env, { status: 201, body: { data: [atradiusCoverView(env.state, cover)] } });
  }
  const type: CoverRequestType | undefined = method === 'POST' ? 'NEW' : ACTIONS[String(body.action)];
  if (!type) throw badRequest('invalid_action', 'action must be supersede, reduce or cancel.', [{ code: 'invalid', detail: 'Unknown action', source: { pointer: '/action' } }]);
  const amount = body.creditLimitAmount;
  const canonical = {
    companyId: body.buyerId,
    type,
    currency: body.currencyCode,
    customerReference: body.customerRefNumber,
    ...(type !== 'CANCEL' && { requestedAmount: typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 ? toDecimalString({ amountMinor: Math.round(amount * 10 ** minorUnitDigits(env.state.policy.currency)), currency: env.state.policy.currency }) : String(amount) }),
  };
  let result: ReturnType<typeof submitCoverRequest>;
  try {
    result = submitCoverRequest(env.state, parseCoverRequest(canonical, env.state), env.clock.nowIso(), { reissueCover: env.faults.settings.reissueCovers });
  } catch (error) {
    // A change the cover does not allow is refused in the body, as Atradius does (seen: "Action has been refused.").
    if (method === 'PUT' && error instanceof ProblemError && (error.code === 'amount_not_a_reduction' || error.code === 'no_cover_in_force')) return dated(env, { status: 200, body: { data: [{ response: 'Action has been refused.' }] } });
    throw error;
  }
  if (!result.decided) return dated(env, { status: 202, body: { data: [atradiusReferralView(env.state, result.request)] } });
  return dated(env, { status: 201, body: { data: [atradiusCoverView(env.state, result.cover)] } });
}

export const ATRADIUS_ROUTES: readonly Route<ApiEnv>[] = [
  {
    method: 'POST',
    path: '/authenticate/v2/tokens',
    public: true,
    handle: (context, env) => {
      const appKey = context.headers['atradius-app-key'];
      if (typeof appKey !== 'string' || !sameSecret(appKey, SANDBOX_ATRADIUS.appKey)) throw unauthorized('invalid_app_key', 'Send the Atradius-App-Key header with a valid app key.');
      const authorization = context.headers.authorization ?? '';
      const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      if (colon <= 0) throw unauthorized('missing_credentials', 'Send the client id and secret with HTTP Basic.');
      const token = issueToken(env.state, { clientId: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) }, context.caller, env.clock.now());
      return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { data: { access_token: token.access_token, token_type: token.token_type, expires_in: token.expires_in } } };
    },
  },
  {
    method: 'GET',
    path: '/credit-insurance/organisation-management/v1/buyers',
    handle: (context, env) => {
      scoped(context, env);
      const country = ALPHA2[context.query.get('country') ?? ''];
      const idType = UID_TYPES[context.query.get('uidType') ?? ''];
      const uid = context.query.get('uid');
      if (!country || !idType || !uid) throw badRequest('invalid_parameter', 'country (ISO 3166 alpha-3), uid and uidType are required.', [{ code: 'invalid', detail: 'Missing or unknown', source: { parameter: !country ? 'country' : !idType ? 'uidType' : 'uid' } }]);
      const found = findCompanies(env.state, new URLSearchParams({ country, idType, idValue: uid }));
      return dated(env, { status: 200, body: { data: found.slice(0, 10).map((company) => ({ buyerId: company.companyId, buyerName: company.legalName, country: context.query.get('country'), buyerRating: company.grade, buyerAddress: { addressLine1: company.address.street, postCode: company.address.postalCode, town: company.address.city } })) } });
    },
  },
  {
    method: 'GET',
    path: '/credit-insurance/cover-management/v1/covers',
    handle: (context, env) => {
      scoped(context, env);
      const fromText = context.query.get('fromDate');
      const from = fromText === null ? undefined : Date.parse(/[zZ]$/.test(fromText) ? fromText : `${fromText}Z`);
      if (from !== undefined && Number.isNaN(from)) throw badRequest('invalid_parameter', 'fromDate must be a date and time.', [{ code: 'invalid', detail: 'Not a date', source: { parameter: 'fromDate' } }]);
      const buyerId = context.query.get('buyerId');
      const since = (at: string | null) => from === undefined || (at !== null && Date.parse(at) >= from);
      const pageSize = Math.min(500, Math.max(1, Number(context.query.get('pageSize') ?? 100) || 100));
      const page = Math.max(1, Number(context.query.get('page') ?? 1) || 1);
      const covers = env.state.covers.filter((cover) => (!buyerId || cover.companyId === buyerId) && since(cover.updatedAt));
      const referred = env.state.requests.filter((request) => request.status === 'PENDING' && (!buyerId || request.companyId === buyerId) && since(request.receivedAt));
      const total = covers.length + referred.length;
      const start = (page - 1) * pageSize;
      const items = [...covers.slice(start, start + pageSize).map((cover) => atradiusCoverView(env.state, cover)), ...referred.slice(Math.max(0, start - covers.length), Math.max(0, start + pageSize - covers.length)).map((request) => atradiusReferralView(env.state, request))];
      const more = start + pageSize < total;
      const next = new URLSearchParams(context.query);
      next.set('page', String(page + 1));
      return dated(env, { status: more && env.faults.settings.partialContentPages ? 206 : 200, body: { data: items, ...(more && { links: { next: `${context.path}?${next.toString()}` } }), meta: { totalItems: total } } });
    },
  },
  { method: 'POST', path: '/credit-insurance/cover-management/v1/covers', handle: (context, env) => application(context, env, 'POST') },
  { method: 'PUT', path: '/credit-insurance/cover-management/v1/covers', handle: (context, env) => application(context, env, 'PUT') },
  {
    method: 'GET',
    path: '/credit-insurance/policy-management/v1/policies/:policyId',
    handle: (context, env) => {
      scoped(context, env, new URLSearchParams({ customerId: context.query.get('customerId') ?? '', policyId: context.params.policyId ?? '' }));
      if (context.params.policyId !== env.state.policy.id) throw notFound('unknown_policy', `No policy ${context.params.policyId}.`);
      return dated(env, { status: 200, body: { data: policyView(env) } });
    },
  },
];
