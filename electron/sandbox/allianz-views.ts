import { minorUnitDigits } from '../../shared/money/money';
import { ALLIANZ_OVERDUE_CODES, ALLIANZ_STATUS_CODES, GRADE_REQUEST_TYPE } from '../main/insurer/dialects/allianz-mapping';
import type { SandboxOverdue } from './loss-state';
import type { Problem } from './problem';
import type { SandboxCompany, SandboxCover, SandboxCoverRequest, SandboxState } from './sandbox-state';

/**
 * The sandbox's resources as Allianz Trade's API shows them (insurer-apis.md §1.1): riskinfo v3 covers with
 * `creditLimitsAggregation.creditLimits[]`, cover requests as the cover-request search lists them, Payment
 * Overdues, amounts as numbers. The fields marked UNVERIFIED in
 * electron/main/insurer/dialects/allianz-mapping.ts are the same guesses here (the status codes are read from
 * that file, so the two cannot drift apart): this is what Kredo believes Allianz sends, served from the same
 * state and decision engine as the canonical API.
 */

/** The sandbox's Allianz account: the business unit next to the canonical API key and policy (seen: `EHSE`). */
export const SANDBOX_ALLIANZ = { businessUnitCode: 'EHSE' } as const;

const number = (amountMinor: number, currency: string) => amountMinor / 10 ** minorUnitDigits(currency);

/**
 * A processed grade-only request's resource: the buyer's grade, no limit. UNVERIFIED field names (`coverTypeCode`,
 * `grade.gradeValue`, `grade.gradeDate`), read by allianz-mapping.ts gradeOfGradeCover.
 */
export function allianzGradeCoverView(coverId: string, company: SandboxCompany) {
  return { coverId, coverTypeCode: GRADE_REQUEST_TYPE, company: { companyId: company.companyId }, grade: { gradeValue: company.grade, gradeDate: company.gradeUpdatedOn } };
}

/** A cover (`GET /riskinfo/v3/covers/{coverId}` and the cover search). */
export function allianzCoverView(cover: SandboxCover) {
  return {
    coverId: cover.coverId,
    company: { companyId: cover.companyId },
    coverStatusCode: ALLIANZ_STATUS_CODES[cover.status] ?? cover.status,
    currencyCode: cover.currency,
    customerReference: cover.customerReference,
    requestedAmount: cover.requestedAmountMinor === null ? null : number(cover.requestedAmountMinor, cover.currency),
    creditLimitsAggregation: {
      totalAmount: number(cover.decidedAmountMinor, cover.currency),
      creditLimits: cover.tranches.map((tranche) => ({
        technicalDecisionStatusCode: 'AlreadyAgreed',
        creditLimitTypeCode: tranche.kind === 'temporary' ? 'Temporary' : 'Permanent',
        amount: number(tranche.amountMinor, cover.currency),
        startDate: tranche.effectiveFrom,
        endDate: tranche.expiresOn,
      })),
    },
    conditions: cover.conditions.map((condition) => ({ code: condition.code, label: condition.description })),
    announcedDecision: cover.pendingChange && {
      decisionTypeCode: cover.pendingChange.type === 'REDUCTION' ? 'Reduction' : 'Withdrawal',
      amount: number(cover.pendingChange.newAmountMinor, cover.currency),
      effectiveDate: cover.pendingChange.effectiveFrom,
      notificationDate: cover.pendingChange.noticeGivenAt,
    },
    decisionDate: cover.decidedAt,
    lastUpdateDate: cover.updatedAt,
  };
}

const REQUEST_TYPE_CODES = { NEW: 'Primary', INCREASE: 'Increase', REDUCE: 'Reduction', CANCEL: 'Cancellation' } as const;
const REQUEST_STATUS_CODES = { PENDING: 'InProgress', DECIDED: 'Decided', WITHDRAWN: 'Withdrawn' } as const;

/** When a request last changed: its decision, else its receipt. */
export const requestUpdatedAt = (request: SandboxCoverRequest): string => request.decidedAt ?? request.receivedAt;

/** A cover request as the cover-request search lists it. */
export function allianzRequestView(request: SandboxCoverRequest) {
  return {
    requestId: request.requestId,
    coverId: request.coverId,
    companyId: request.companyId,
    requestTypeCode: REQUEST_TYPE_CODES[request.type],
    requestStatusCode: REQUEST_STATUS_CODES[request.status],
    creditLimitDetails: { requestedAmount: request.requestedAmountMinor === null ? null : number(request.requestedAmountMinor, request.currency), currencyCode: request.currency },
    creationDate: request.receivedAt,
    lastUpdateDate: requestUpdatedAt(request),
  };
}

/** A Payment Overdue. */
export function allianzOverdueView(overdue: SandboxOverdue) {
  return {
    overdueId: overdue.overdueId,
    companyId: overdue.companyId,
    overdueCategoryTypeCode: overdue.category,
    overdueStatusCode: ALLIANZ_OVERDUE_CODES.status[overdue.status] ?? overdue.status,
    decisionCode: overdue.outcome === null ? null : (ALLIANZ_OVERDUE_CODES.decision[overdue.outcome] ?? overdue.outcome),
    invoices: overdue.invoices.map((invoice) => ({ invoiceReference: invoice.number, invoiceDate: invoice.issueDate, dueDate: invoice.dueDate, amount: number(invoice.grossAmountMinor, invoice.currency), currencyCode: invoice.currency })),
    creationDate: overdue.receivedAt,
    lastUpdateDate: overdue.updatedAt,
  };
}

/**
 * Allianz Trade's words for the sandbox's problems. UNVERIFIED: Allianz's error body and texts are not public;
 * "multiple of 1000" is the refusal insurers give for an amount not in whole thousands. No Kredo problem code
 * travels: Kredo must read the insurer's texts, as it will for real.
 */
const ALLIANZ_TEXTS: Readonly<Record<string, string>> = {
  no_buyer_match: 'No company found for these identifiers.',
  unknown_company: 'No company found for this companyId.',
  amount_not_multiple_of_1000: 'The requested amount must be a multiple of 1000.',
  request_already_pending: 'A cover request is already in progress for this company.',
  amount_not_an_increase: 'The requested amount must be higher than the current cover.',
  amount_not_a_reduction: 'The requested amount must be lower than the current cover.',
  no_cover_in_force: 'No active cover for this company.',
  notification_deadline_passed: 'The notification period for this overdue has passed.',
  maintenance: 'Service unavailable: planned maintenance.',
};

/** `{"errors":[{"code","message"}]}` (UNVERIFIED shape). */
export function allianzErrorBody(problem: Problem) {
  const code = problem.type.split('/').at(-1) ?? '';
  return { errors: [{ code: String(problem.status), message: ALLIANZ_TEXTS[code] ?? problem.detail ?? problem.title }] };
}

export const isAllianzPath = (path: string) => path === '/v1/idp/oauth2/authorize' || path.startsWith('/riskinfo/') || path.startsWith('/search/') || path.startsWith('/payment-overdues/') || path.startsWith('/policy/');

/** The request the sandbox holds for a state's cover-request job. */
export const requestOfJob = (state: SandboxState, jobId: string) => state.requests.find((request) => request.jobId === jobId);
