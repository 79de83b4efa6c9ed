import type { ClaimIndemnity } from './loss-state';

/**
 * What the insurer pays on an approved claim (insurer-apis.md §2.3, step 11): the loss net of VAT, capped
 * at the buyer's cover, less the deductible the insured bears, times the insured percentage. Worked in
 * integer minor units; the percentage step multiplies in BigInt and rounds half up to the minor unit, so
 * no amount ever passes through a float (90 % of €14,845.65 is €13,361.085, which must pay €13,361.09; `(14845.65 * 0.9).toFixed(2)` says 13361.08).
 */
export interface IndemnityInput {
  /** The claimed invoices' net amounts added up. */
  readonly netLossMinor: number;
  /** The buyer's decided cover when the claim was filed. */
  readonly coverMinor: number;
  readonly deductibleMinor: number;
  /** 9000 = 90 %. */
  readonly insuredPercentageBp: number;
}

const BASIS = 10_000n;

/** `amount × basisPoints / 10000`, rounded half up (amounts here are never negative). */
export function applyBasisPointsHalfUp(amountMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || !Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError('Need whole, non-negative minor units and basis points');
  return Number((BigInt(amountMinor) * BigInt(basisPoints) + BASIS / 2n) / BASIS);
}

export function indemnityFor(input: IndemnityInput): ClaimIndemnity {
  const grossLossMinor = Math.min(input.netLossMinor, Math.max(0, input.coverMinor));
  const deductibleAppliedMinor = Math.min(input.deductibleMinor, grossLossMinor);
  return {
    grossLossMinor,
    deductibleAppliedMinor,
    insuredPercentageBp: input.insuredPercentageBp,
    paidAmountMinor: applyBasisPointsHalfUp(grossLossMinor - deductibleAppliedMinor, input.insuredPercentageBp),
  };
}
