import { minorUnitDigits } from '../../shared/money/money';
import type { Problem } from './problem';
import type { SandboxCover, SandboxCoverRequest, SandboxState } from './sandbox-state';

/**
 * The sandbox's resources as Atradius's API shows them (insurer-apis.md §1.2.2): covers with
 * `coverStatus`, `totalDecision` / `firstAmtDecision` / `secondAmtDecision` and amounts as numbers in the
 * policy currency; JSON:API-style errors. The fields marked UNVERIFIED in
 * electron/main/insurer/dialects/atradius-mapping.ts are the same guesses here: this is what Kredo believes
 * Atradius sends, served from the same state and decision engine as the canonical API.
 */

/** The sandbox's Atradius account: the app key and customer id next to the API key's client id and secret. */
export const SANDBOX_ATRADIUS = { appKey: 'ak_demo_9d3e61b0c2f7', customerId: '1001' } as const;

/** Minor units as Atradius's number in the policy currency (whole-thousand limits: exact). */
const number = (amountMinor: number, currency: string) => amountMinor / 10 ** minorUnitDigits(currency);
/** Atradius's instants without a zone (as its `fromDate` sample), in UTC. */
const instant = (iso: string | null) => (iso === null ? null : iso.slice(0, 19));

const APPLICATION_TYPES = { NEW: 'new', INCREASE: 'supersede', REDUCE: 'reduce', CANCEL: 'cancel' } as const;
const ENDED = new Set(['CANCELLED', 'WITHDRAWN', 'EXPIRED']);

function application(request: SandboxCoverRequest | undefined) {
  return request ? { applicationId: request.requestId, applicationType: APPLICATION_TYPES[request.type], applicationDate: instant(request.receivedAt) } : {};
}

/** A decided cover, naming the latest application decided on it. */
export function atradiusCoverView(state: SandboxState, cover: SandboxCover) {
  const decidedBy = state.requests.findLast((request) => request.coverId === cover.coverId && request.status === 'DECIDED');
  const permanent = cover.tranches.filter((tranche) => tranche.kind === 'permanent');
  const temporary = cover.tranches.filter((tranche) => tranche.kind === 'temporary');
  const amountDecision = (tranches: typeof cover.tranches, withConditions: boolean) =>
    tranches.length === 0
      ? null
      : {
          decisionAmtInPolicyCurrency: number(tranches.reduce((sum, tranche) => sum + tranche.amountMinor, 0), cover.currency),
          decisionEffectiveDate: tranches[0]!.effectiveFrom,
          decisionExpiryDate: tranches[0]!.expiresOn,
          decisionConditions: withConditions ? cover.conditions.map((condition) => ({ conditionCode: condition.code, conditionDescription: condition.description })) : [],
        };
  return {
    coverId: cover.coverId,
    buyerId: cover.companyId,
    customerId: SANDBOX_ATRADIUS.customerId,
    policyId: state.policy.id,
    customerRefNumber: cover.customerReference,
    coverType: cover.coverType === 'CREDIT_CHECK' ? 'credit-check' : 'credit-limit',
    coverStatus: ENDED.has(cover.status) ? cover.status : 'DECISION',
    currencyCode: cover.currency,
    creditLimitApplicationAmountInPolicyCurrency: cover.requestedAmountMinor === null ? null : number(cover.requestedAmountMinor, cover.currency),
    totalDecision: { decisionAmtInPolicyCurrency: number(cover.decidedAmountMinor, cover.currency) },
    firstAmtDecision: amountDecision(permanent, true),
    secondAmtDecision: amountDecision(temporary, permanent.length === 0),
    announcedChange: cover.pendingChange && {
      changeType: cover.pendingChange.type,
      newDecisionAmtInPolicyCurrency: number(cover.pendingChange.newAmountMinor, cover.currency),
      effectiveDate: cover.pendingChange.effectiveFrom,
      announcementDate: instant(cover.pendingChange.noticeGivenAt),
    },
    ...application(decidedBy),
    decisionDate: instant(cover.decidedAt),
    lastUpdatedDate: instant(cover.updatedAt),
  };
}

/** An application still with an underwriter: `coverStatus: REFERRED`, no decision yet. */
export function atradiusReferralView(state: SandboxState, request: SandboxCoverRequest) {
  return {
    coverId: request.coverId,
    buyerId: request.companyId,
    customerId: SANDBOX_ATRADIUS.customerId,
    policyId: state.policy.id,
    customerRefNumber: request.customerReference,
    coverType: 'credit-limit',
    coverStatus: 'REFERRED',
    currencyCode: request.currency,
    creditLimitApplicationAmountInPolicyCurrency: request.requestedAmountMinor === null ? null : number(request.requestedAmountMinor, request.currency),
    totalDecision: null,
    firstAmtDecision: null,
    secondAmtDecision: null,
    ...application(request),
    decisionDate: null,
    lastUpdatedDate: instant(request.receivedAt),
  };
}

/**
 * Atradius's words for the sandbox's problems, where public client code shows them; the rest keep the
 * sandbox's own detail. No Kredo problem code travels: Kredo must read Atradius's texts, as it will for real.
 */
const ATRADIUS_TEXTS: Readonly<Record<string, string>> = {
  no_buyer_match: 'No buyer match found',
  unknown_company: 'No buyer match found',
  cover_already_exists: 'Credit limit/credit check already exists for this buyer.',
  amount_not_multiple_of_1000: 'Must be positive number greater than zero and a multiple of 1000.',
  amount_not_positive: 'Must be positive number greater than zero and a multiple of 1000.',
  amount_not_an_increase: 'New Application cannot supersede existing cover',
  // UNVERIFIED: Atradius's text for a second application while one is referred is not public.
  request_already_pending: 'An application for this buyer is already being assessed.',
  maintenance: 'Service overloaded, retry later',
};

/** `{"errors":[{"status","title","detail","source"}]}` (JSON:API, as Atradius answers). */
export function atradiusErrorBody(problem: Problem) {
  const code = problem.type.split('/').at(-1) ?? '';
  const field = problem.errors?.[0]?.source;
  const parameter = field && 'parameter' in field ? field.parameter : field && 'pointer' in field ? field.pointer.replace(/^\//, '') : undefined;
  return { errors: [{ status: String(problem.status), title: problem.title, detail: ATRADIUS_TEXTS[code] ?? problem.detail ?? problem.title, ...(parameter !== undefined && { source: { parameter } }) }] };
}

export const isAtradiusPath = (path: string) => path.startsWith('/credit-insurance/') || path.startsWith('/authenticate/');
