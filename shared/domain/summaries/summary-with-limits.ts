import { computeExposure } from '../exposure/exposure';
import { effectiveLimitOn, internalLimitOn, limitStateOf, upcomingLimitOn, type CreditLimit } from '../limits/credit-limit';
import type { InsurancePolicy } from '../policy/insurance-policy';
import type { DebtorSummary } from './debtor-summary';

/**
 * A debtor's summary after its limits changed and nothing else: the limit figures (the limit in force, its
 * source and state, what comes next, and the exposure weighed against it) computed again as summariseChunk
 * computes them, the ledger's figures kept. An insurer sync changes limits only, so it need not read and
 * age the debtor's ledger again (issue 14); summary-with-limits.test.ts holds it to summariseChunk. Only for
 * a summary of the policy's currency: the caller summarises the chunk again otherwise.
 */
export function summaryWithLimits(summary: DebtorSummary, limits: readonly CreditLimit[], policy: InsurancePolicy): DebtorSummary {
  const { asOf } = summary;
  // As summariseChunk: a policy without a bound lets own limits count as set.
  const discretionaryBound = policy.discretionaryLimitMax ? { discretionaryMaxMinor: policy.discretionaryLimitMax.amountMinor, currency: policy.currency } : undefined;
  const limit = effectiveLimitOn(limits, asOf, discretionaryBound);
  const internalLimitMinor = internalLimitOn(limits, asOf);
  const upcomingLimit = upcomingLimitOn(limits, asOf);
  const exposure = computeExposure({
    openInvoicesMinor: summary.openMinor,
    creditsMinor: summary.creditsMinor,
    unappliedCashMinor: summary.unappliedCashMinor,
    disputedMinor: summary.disputedMinor,
    limitMinor: limit.amountMinor,
    ...(internalLimitMinor !== undefined && { internalLimitMinor }),
    insuredPercentageBp: policy.insuredPercentageBp,
  });
  const { internalLimitMinor: _internal, upcomingLimit: _upcoming, ...kept } = summary;
  return { ...kept, ...exposure, limitSource: limit.source, limitState: limitStateOf(limits, asOf), ...(upcomingLimit && { upcomingLimit }) };
}
