import { applyBasisPoints, BASIS_POINTS_PER_WHOLE, divideRounded } from '../../money/basis-points';

export interface ExposureInputs {
  /** Open invoices, in the policy currency. */
  readonly openInvoicesMinor: number;
  /** Unused credit notes (zero or negative). */
  readonly creditsMinor: number;
  /** Money received but not yet allocated (zero or positive). */
  readonly unappliedCashMinor: number;
  /** Open invoices under dispute: an insurer does not cover a disputed debt. */
  readonly disputedMinor: number;
  /** The limit in force that insures (insurer or discretionary), 0 when there is none. */
  readonly limitMinor: number;
  /** The company's own internal limit, when it set one: over-limit, availability and utilisation weigh against it. */
  readonly internalLimitMinor?: number;
  /** The policy's insured percentage in basis points, e.g. 9000. */
  readonly insuredPercentageBp: number;
}

export interface Exposure {
  /** What the debtor owes net of unused credit and unapplied cash, never below zero. */
  readonly exposureMinor: number;
  /** The insured limit: the insurer's in force, else the discretionary limit. */
  readonly limitMinor: number;
  /** The company's internal limit, if set (optional: summaries stored before it existed lack it). */
  readonly internalLimitMinor?: number;
  /** What may still be delivered on credit within the working limit (the internal one if set, else the insured). */
  readonly availableMinor: number;
  /** Exposure / working limit; undefined without a limit. */
  readonly utilisation: number | undefined;
  /** Exposure above the working limit: the internal limit where the company set one, else the insured limit. */
  readonly overLimitMinor: number;
  /** The part of the exposure the limit covers (disputed debt excluded). */
  readonly insuredExposureMinor: number;
  readonly uninsuredMinor: number;
  /** What the insurer would pay on the insured exposure: insured exposure × insured percentage. */
  readonly indemnityMinor: number;
}

/** The limit deliveries are weighed against: the company's internal limit where set, else the insured limit. */
export function workingLimit(limits: { readonly limitMinor: number; readonly internalLimitMinor?: number | undefined }): number {
  return limits.internalLimitMinor ?? limits.limitMinor;
}

/**
 * A debtor's exposure against its credit limit, all in the policy currency: how much is covered, how much
 * is not, and how much the insurer would pay if the debtor never paid (before any deductible).
 */
export function computeExposure(inputs: ExposureInputs): Exposure {
  const exposureMinor = Math.max(0, inputs.openInvoicesMinor + inputs.creditsMinor - inputs.unappliedCashMinor);
  const insurable = Math.max(0, exposureMinor - inputs.disputedMinor);
  const insuredExposureMinor = Math.min(insurable, inputs.limitMinor);
  // The internal limit is the company's decision about how much it carries, insured or not (README, "Own limits").
  const working = workingLimit(inputs);
  // One literal, the internal limit added after when set: a conditional spread inside the literal builds the
  // object property by property at run time, 20,000 times in a tier-L summary refresh (issue 14).
  const exposure: { -readonly [K in keyof Exposure]: Exposure[K] } = {
    exposureMinor,
    limitMinor: inputs.limitMinor,
    availableMinor: Math.max(0, working - exposureMinor),
    utilisation: working > 0 ? exposureMinor / working : undefined,
    overLimitMinor: Math.max(0, exposureMinor - working),
    insuredExposureMinor,
    uninsuredMinor: exposureMinor - insuredExposureMinor,
    indemnityMinor: applyBasisPoints(insuredExposureMinor, inputs.insuredPercentageBp),
  };
  if (inputs.internalLimitMinor !== undefined) exposure.internalLimitMinor = inputs.internalLimitMinor;
  return exposure;
}

/**
 * The seeds' cost of a loss: at a profit margin of m, an unpaid amount needs amount / m of extra sales to
 * earn it back (€10,000 at 10 % → €100,000). Margin in basis points; rounded to the minor unit.
 */
export function revenueToRecoverLoss(lossMinor: number, marginBp: number): number | undefined {
  if (marginBp <= 0) return undefined;
  return divideRounded(BigInt(lossMinor) * BigInt(BASIS_POINTS_PER_WHOLE), BigInt(marginBp));
}
