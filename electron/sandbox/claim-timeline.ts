import type { CodedText } from '../../shared/domain/limits/credit-limit';
import { addDays } from '../../shared/time/iso-date';
import { appendEvent } from './change-feed';
import { indemnityFor } from './indemnity';
import { hoursAfter, sumOf } from './loss-input';
import { nextId, type ClaimStatus, type SandboxClaim, type SandboxSettlement } from './loss-state';
import { claimView, settlementView } from './loss-views';
import type { SandboxState } from './sandbox-state';
import { dueSteps, type DueStep } from './timeline-step';

/**
 * A claim's way through the insurer as virtual time passes: SUBMITTED → ASSESSING a day later →
 * (after the assessment) REJECTED, or WAITING_PERIOD until the notification date + the policy's waiting
 * period (an insolvency skips it) → APPROVED → PAID `indemnityPaymentDays` later, when the settlement is
 * made. Every change is a CLAIM_STATUS_CHANGED event; the payment also a SETTLEMENT_PAID.
 */
const NO_COVER: CodedText = { code: 'no_cover', description: 'The buyer had no cover in force when the claim was filed' };
const WITHIN_DEDUCTIBLE: CodedText = { code: 'within_deductible', description: 'The insured loss does not exceed the policy deductible' };

const daysAfter = (at: string, days: number) => hoursAfter(at, days * 24);

function indemnityOf(state: SandboxState, claim: SandboxClaim) {
  return indemnityFor({
    netLossMinor: sumOf(claim.invoices, (invoice) => invoice.netAmountMinor),
    coverMinor: claim.coverAtClaimMinor,
    deductibleMinor: state.policy.deductible.amountMinor,
    insuredPercentageBp: state.policy.insuredPercentageBp,
  });
}

function approve(state: SandboxState, claim: SandboxClaim, at: string) {
  claim.indemnity = indemnityOf(state, claim);
  claim.decidedAt = at;
  claim.nextStepAt = daysAfter(at, state.settings.indemnityPaymentDays);
  return 'APPROVED' as const;
}

function reject(claim: SandboxClaim, reason: CodedText, at: string) {
  claim.statusReason = reason;
  claim.decidedAt = at;
  claim.nextStepAt = null;
  return 'REJECTED' as const;
}

/** The assessment's verdict: no cover or nothing above the deductible is a rejection; else the waiting period, if any. */
function assess(state: SandboxState, claim: SandboxClaim, at: string): ClaimStatus {
  if (claim.coverAtClaimMinor <= 0) return reject(claim, NO_COVER, at);
  if (indemnityOf(state, claim).paidAmountMinor <= 0) return reject(claim, WITHIN_DEDUCTIBLE, at);
  if (claim.cause === 'INSOLVENCY') return approve(state, claim, at);
  claim.waitingPeriodEndsOn = addDays(claim.notifiedOn, state.policy.waitingPeriodDays);
  const endsAt = `${claim.waitingPeriodEndsOn}T00:00:00.000Z`;
  if (endsAt <= at) return approve(state, claim, at);
  claim.nextStepAt = endsAt;
  return 'WAITING_PERIOD';
}

function pay(state: SandboxState, claim: SandboxClaim, at: string): SandboxSettlement {
  const indemnity = claim.indemnity ?? indemnityOf(state, claim);
  const settlement: SandboxSettlement = {
    settlementId: nextId('SET', state.settlements),
    claimId: claim.claimId,
    companyId: claim.companyId,
    grossLossMinor: indemnity.grossLossMinor,
    insuredPercentageBp: indemnity.insuredPercentageBp,
    deductibleAppliedMinor: indemnity.deductibleAppliedMinor,
    paidAmountMinor: indemnity.paidAmountMinor,
    currency: claim.currency,
    paidAt: at,
  };
  state.settlements.push(settlement);
  claim.settlementId = settlement.settlementId;
  claim.nextStepAt = null;
  return settlement;
}

function advanceClaim(state: SandboxState, claim: SandboxClaim, at: string): void {
  const previousStatus = claim.status;
  let settlement: SandboxSettlement | undefined;
  let status: ClaimStatus;
  if (previousStatus === 'SUBMITTED') {
    status = 'ASSESSING';
    claim.nextStepAt = daysAfter(at, state.settings.claimDecisionDays);
  } else if (previousStatus === 'ASSESSING') {
    status = assess(state, claim, at);
  } else if (previousStatus === 'WAITING_PERIOD') {
    status = approve(state, claim, at);
  } else {
    settlement = pay(state, claim, at);
    status = 'PAID';
  }
  claim.status = status;
  claim.updatedAt = at;
  const about = { occurredAt: at, companyId: claim.companyId };
  appendEvent(state, { ...about, type: 'CLAIM_STATUS_CHANGED', resourceType: 'claim', resourceId: claim.claimId, data: { claim: claimView(claim, state.policy.id), previousStatus } });
  if (settlement) appendEvent(state, { ...about, type: 'SETTLEMENT_PAID', resourceType: 'settlement', resourceId: settlement.settlementId, data: { settlement: settlementView(settlement) } });
}

export const claimSteps = (state: SandboxState, nowMs: number): DueStep[] => dueSteps(state.claims, nowMs, (claim, at) => advanceClaim(state, claim, at));
