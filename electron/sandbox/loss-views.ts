import { toDecimalString } from '../../shared/money/money';
import type { SandboxClaim, SandboxCollectionCase, SandboxInvoice, SandboxOverdue, SandboxSettlement } from './loss-state';

/**
 * The JSON the API shows for overdue notifications, collection cases, claims and settlements, in the
 * canonical style of resource-views.ts: amounts as exact decimal strings beside their currency, business
 * dates YYYY-MM-DD, instants ISO 8601. The same views travel in the change feed's `data`.
 */
const amount = (amountMinor: number, currency: string) => toDecimalString({ amountMinor, currency });
const total = (invoices: readonly SandboxInvoice[], pick: (invoice: SandboxInvoice) => number) => invoices.reduce((sum, invoice) => sum + pick(invoice), 0);
const currencyOf = (invoices: readonly SandboxInvoice[]) => invoices[0]?.currency ?? '';

/** Basis points as a percentage with two decimals, by integer arithmetic: 9000 → "90.00", 8750 → "87.50". */
export function percentageText(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}

export function invoiceView(invoice: SandboxInvoice) {
  return {
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    netAmount: amount(invoice.netAmountMinor, invoice.currency),
    grossAmount: amount(invoice.grossAmountMinor, invoice.currency),
    currency: invoice.currency,
  };
}

export function overdueView(overdue: SandboxOverdue, policyId: string) {
  const currency = currencyOf(overdue.invoices);
  return {
    overdueId: overdue.overdueId,
    companyId: overdue.companyId,
    category: overdue.category,
    invoices: overdue.invoices.map(invoiceView),
    amountOverdue: amount(total(overdue.invoices, (invoice) => invoice.grossAmountMinor), currency),
    currency,
    originalDueDate: overdue.invoices.map((invoice) => invoice.dueDate).sort()[0] ?? null,
    newDueDate: overdue.newDueDate,
    plan: overdue.plan?.map((instalment) => ({ dueDate: instalment.dueDate, amount: amount(instalment.amountMinor, currency) })) ?? null,
    comment: overdue.comment,
    customerReference: overdue.customerReference,
    status: overdue.status,
    outcome: overdue.outcome,
    receivedAt: overdue.receivedAt,
    expectedResponseBy: overdue.nextStepAt,
    respondedAt: overdue.respondedAt,
    updatedAt: overdue.updatedAt,
    resourceUrl: `/v1/policies/${policyId}/overdues/${overdue.overdueId}`,
  };
}

export function collectionCaseView(collectionCase: SandboxCollectionCase, policyId: string) {
  const currency = currencyOf(collectionCase.invoices);
  return {
    caseId: collectionCase.caseId,
    companyId: collectionCase.companyId,
    caseType: collectionCase.caseType,
    invoices: collectionCase.invoices.map(invoiceView),
    amount: amount(total(collectionCase.invoices, (invoice) => invoice.grossAmountMinor), currency),
    currency,
    overdueId: collectionCase.overdueId,
    debtorContact: collectionCase.debtorContact,
    status: collectionCase.status,
    recoveredAmount: collectionCase.recoveredAmountMinor === null ? null : amount(collectionCase.recoveredAmountMinor, currency),
    openedAt: collectionCase.openedAt,
    closedAt: collectionCase.closedAt,
    updatedAt: collectionCase.updatedAt,
    resourceUrl: `/v1/policies/${policyId}/collection-cases/${collectionCase.caseId}`,
  };
}

export function claimView(claim: SandboxClaim, policyId: string) {
  return {
    claimId: claim.claimId,
    companyId: claim.companyId,
    overdueId: claim.overdueId,
    caseId: claim.caseId,
    cause: claim.cause,
    invoices: claim.invoices.map(invoiceView),
    /** Net of VAT: what the insurer indemnifies. */
    claimedAmount: amount(total(claim.invoices, (invoice) => invoice.netAmountMinor), claim.currency),
    coverAtClaim: amount(claim.coverAtClaimMinor, claim.currency),
    currency: claim.currency,
    status: claim.status,
    statusReason: claim.statusReason,
    submittedAt: claim.submittedAt,
    waitingPeriodEndsOn: claim.waitingPeriodEndsOn,
    approvedAmount: claim.indemnity === null ? null : amount(claim.indemnity.paidAmountMinor, claim.currency),
    decidedAt: claim.decidedAt,
    settlementId: claim.settlementId,
    updatedAt: claim.updatedAt,
    resourceUrl: `/v1/policies/${policyId}/claims/${claim.claimId}`,
  };
}

export function settlementView(settlement: SandboxSettlement) {
  return {
    settlementId: settlement.settlementId,
    claimId: settlement.claimId,
    companyId: settlement.companyId,
    grossLoss: amount(settlement.grossLossMinor, settlement.currency),
    insuredPercentage: percentageText(settlement.insuredPercentageBp),
    insuredPercentageBp: settlement.insuredPercentageBp,
    deductibleApplied: amount(settlement.deductibleAppliedMinor, settlement.currency),
    paidAmount: amount(settlement.paidAmountMinor, settlement.currency),
    currency: settlement.currency,
    paidAt: settlement.paidAt,
  };
}
