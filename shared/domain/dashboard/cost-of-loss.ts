import { revenueToRecoverLoss } from '../exposure/exposure';
import { BASIS_POINTS_PER_WHOLE } from '../../money/basis-points';

/** The net margin the cost-of-loss figure starts from: 5 %, a common B2B wholesale margin. */
export const DEFAULT_NET_MARGIN_BP = 500;

export interface CostOfLoss {
  readonly lossMinor: number;
  readonly marginBp: number;
  /** The extra sales that earn the loss back at the margin: loss ÷ margin. */
  readonly revenueNeededMinor: number;
}

/**
 * What a bad debt really costs: at a net margin m, an unpaid amount L is only earned back by L ÷ m of new
 * sales (€10,000 lost at 5 % needs €200,000). Whole minor units and basis points, rounded half away from
 * zero once; undefined for a negative loss, a margin outside (0 %, 100 %] or a result beyond 2^53.
 */
export function costOfLoss(lossMinor: number, marginBp: number): CostOfLoss | undefined {
  if (!Number.isSafeInteger(lossMinor) || lossMinor < 0) return undefined;
  if (!Number.isSafeInteger(marginBp) || marginBp <= 0 || marginBp > BASIS_POINTS_PER_WHOLE) return undefined;
  try {
    const revenueNeededMinor = revenueToRecoverLoss(lossMinor, marginBp);
    return revenueNeededMinor === undefined ? undefined : { lossMinor, marginBp, revenueNeededMinor };
  } catch (error) {
    // More than 2^53 minor units: no amount Kredo can show exactly.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
