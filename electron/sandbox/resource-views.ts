import { toDecimalString } from '../../shared/money/money';
import type { SandboxCompany, SandboxCover, SandboxCoverRequest } from './sandbox-state';

/**
 * The JSON the API shows for each resource, in the canonical shape of insurer-apis.md §3.2 (the shape
 * `shared/sync/insurer-cover.ts` reads): amounts as exact decimal strings with their currency, business
 * dates as YYYY-MM-DD, instants as ISO 8601.
 */
const amount = (amountMinor: number, currency: string) => toDecimalString({ amountMinor, currency });

export function coverView(cover: SandboxCover, grade?: number) {
  return {
    coverId: cover.coverId,
    companyId: cover.companyId,
    customerReference: cover.customerReference,
    coverType: cover.coverType ?? 'CREDIT_LIMIT',
    status: cover.status,
    requestedAmount: cover.requestedAmountMinor === null ? null : amount(cover.requestedAmountMinor, cover.currency),
    decidedAmount: amount(cover.decidedAmountMinor, cover.currency),
    currency: cover.currency,
    tranches: cover.tranches.map((tranche) => ({ amount: amount(tranche.amountMinor, cover.currency), effectiveFrom: tranche.effectiveFrom, expiresAt: tranche.expiresOn, kind: tranche.kind })),
    conditions: cover.conditions,
    reasons: cover.reasons,
    pendingChange: cover.pendingChange && {
      type: cover.pendingChange.type,
      newAmount: amount(cover.pendingChange.newAmountMinor, cover.currency),
      effectiveFrom: cover.pendingChange.effectiveFrom,
      noticeGivenAt: cover.pendingChange.noticeGivenAt,
    },
    ...(grade !== undefined && { grade: { scale: '1-10', value: grade } }),
    decidedAt: cover.decidedAt,
    updatedAt: cover.updatedAt,
    version: cover.version,
  };
}

export function requestView(request: SandboxCoverRequest, policyId: string) {
  return {
    requestId: request.requestId,
    jobId: request.jobId,
    companyId: request.companyId,
    coverId: request.coverId,
    type: request.type,
    requestedAmount: request.requestedAmountMinor === null ? null : amount(request.requestedAmountMinor, request.currency),
    currency: request.currency,
    creditTermsDays: request.creditTermsDays,
    comment: request.comment,
    customerReference: request.customerReference,
    status: request.status,
    outcome: request.outcome,
    receivedAt: request.receivedAt,
    decidedAt: request.decidedAt,
    resourceUrl: request.status === 'DECIDED' ? `/v1/policies/${policyId}/covers/${request.coverId}` : null,
  };
}

export function companyView(company: SandboxCompany) {
  return {
    companyId: company.companyId,
    legalName: company.legalName,
    country: company.country,
    address: company.address,
    identifiers: company.identifiers,
    grade: { scale: '1-10', value: company.grade, updatedAt: company.gradeUpdatedOn },
  };
}
