import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { activeCoverOf } from './cover-decisions';
import { bodyObject, checkInvoices, field, knownCompany, hoursAfter, oneOf, optionalText, readInvoices, referencedOverdue, requiredText } from './loss-input';
import { CLAIM_CAUSES, nextId, type ClaimCause, type SandboxClaim, type SandboxInvoice } from './loss-state';
import { badRequest, conflict, notFound, unprocessable, type ProblemFieldError } from './problem';
import type { SandboxState } from './sandbox-state';

/**
 * Filing a claim (POST /claims; Atradius claims, Cesce dossiers). Checked against the policy: filed within
 * `claimFilingDays` of each invoice's date, a protracted default only after the overdue was notified, no
 * invoice claimed twice. The buyer's cover is noted as it stands now, since it caps the indemnity; how the
 * claim then moves on with virtual time is in claim-timeline.ts.
 */
export interface ClaimInput {
  readonly companyId: string;
  readonly overdueId: string | null;
  readonly caseId: string | null;
  readonly cause: ClaimCause;
  readonly invoices: readonly SandboxInvoice[];
}

export function parseClaim(body: unknown, state: SandboxState): ClaimInput {
  const input = bodyObject(body);
  const errors: ProblemFieldError[] = [];
  const companyId = requiredText(input.companyId, '/companyId', errors, 'The insurer buyer id is required');
  const overdueId = optionalText(input.overdueId, '/overdueId', errors, 100);
  const caseId = optionalText(input.caseId, '/caseId', errors, 100);
  const cause = oneOf(input.cause, CLAIM_CAUSES, '/cause', errors);
  const invoiceTexts = readInvoices(input.invoices, errors);
  if (errors.length > 0) throw badRequest('invalid_body', 'Some fields are missing or malformed.', errors);
  return { companyId, overdueId, caseId, cause, invoices: checkInvoices(invoiceTexts, state) };
}

function checkCase(state: SandboxState, input: ClaimInput): void {
  if (input.caseId === null) return;
  const collectionCase = state.collectionCases.find((candidate) => candidate.caseId === input.caseId);
  if (!collectionCase) throw notFound('unknown_case', `No collection case ${input.caseId}.`);
  if (collectionCase.companyId !== input.companyId) throw unprocessable('case_of_other_buyer', `Collection case ${input.caseId} is about buyer ${collectionCase.companyId}, not ${input.companyId}.`, [field('/caseId', 'case_of_other_buyer', 'Must be about the same buyer')]);
}

function checkFilingDeadline(state: SandboxState, input: ClaimInput, today: IsoDate): void {
  const days = state.policy.claimFilingDays;
  input.invoices.forEach((invoice, index) => {
    const deadline = addDays(invoice.issueDate, days);
    if (deadline < today) throw unprocessable('claim_deadline_passed', `Invoice ${invoice.number} was issued on ${invoice.issueDate}; a claim on it had to be filed by ${deadline} (${days} days).`, [field(`/invoices/${index}/issueDate`, 'claim_deadline_passed', `File by ${deadline}`)]);
  });
}

/** No invoice may be in two claims, unless the earlier one was rejected. */
function checkNotClaimedBefore(state: SandboxState, input: ClaimInput): void {
  for (const claim of state.claims) {
    if (claim.companyId !== input.companyId || claim.status === 'REJECTED') continue;
    const again = input.invoices.find((invoice) => claim.invoices.some((claimed) => claimed.number === invoice.number));
    if (again) throw conflict('invoice_already_claimed', `Invoice ${again.number} is already part of claim ${claim.claimId}.`);
  }
}

export function submitClaim(state: SandboxState, input: ClaimInput, at: string, today: IsoDate): SandboxClaim {
  knownCompany(state, input.companyId);
  const named = referencedOverdue(state, input.overdueId, input.companyId);
  checkCase(state, input);
  checkFilingDeadline(state, input, today);
  // The first notification of the buyer's non-payment starts the waiting period of a protracted default.
  const firstNotified = named ?? state.overdues.find((overdue) => overdue.companyId === input.companyId);
  if (input.cause === 'PROTRACTED_DEFAULT' && !firstNotified) {
    throw unprocessable('overdue_not_notified', `A protracted default needs an earlier overdue notification for buyer ${input.companyId}; notify the overdue first (POST /overdues).`, [field('/cause', 'overdue_not_notified', 'Notify the overdue first')]);
  }
  checkNotClaimedBefore(state, input);
  const claim: SandboxClaim = {
    claimId: nextId('CLM', state.claims),
    companyId: input.companyId,
    overdueId: input.overdueId,
    caseId: input.caseId,
    cause: input.cause,
    invoices: input.invoices,
    currency: state.policy.currency,
    coverAtClaimMinor: activeCoverOf(state, input.companyId)?.decidedAmountMinor ?? 0,
    notifiedOn: (firstNotified?.receivedAt ?? at).slice(0, 10) as IsoDate,
    status: 'SUBMITTED',
    statusReason: null,
    submittedAt: at,
    nextStepAt: hoursAfter(at, state.settings.claimAssessmentHours),
    waitingPeriodEndsOn: null,
    indemnity: null,
    decidedAt: null,
    settlementId: null,
    updatedAt: at,
  };
  state.claims.push(claim);
  return claim;
}
