import { BASIS_POINTS_PER_WHOLE, divideRounded } from '../../money/basis-points';

/** How many of the largest debtors the concentration figure looks at. */
export const CONCENTRATION_TOP = 10;

export interface DebtorExposure {
  readonly debtorId: string;
  readonly exposureMinor: number;
}

export interface ExposureShare extends DebtorExposure {
  /** The debtor's share of the portfolio's total exposure, in basis points (1234 = 12.34 %). */
  readonly shareBp: number;
}

export interface Concentration {
  readonly totalExposureMinor: number;
  /** The largest exposures, largest first (at most `count`; debtors without exposure are left out). */
  readonly top: readonly ExposureShare[];
  readonly topExposureMinor: number;
  /** The top debtors' share together, rounded once from their sum (not a sum of rounded shares). */
  readonly topShareBp: number;
}

/** `part / total` in basis points, rounded half away from zero; 0 when the total is not positive. */
export function shareBasisPoints(partMinor: number, totalMinor: number): number {
  return totalMinor > 0 ? divideRounded(BigInt(partMinor) * BigInt(BASIS_POINTS_PER_WHOLE), BigInt(totalMinor)) : 0;
}

/**
 * Concentration risk: how much of the portfolio's exposure sits with its largest debtors. Ties are broken
 * by debtor id so the list is the same on every run.
 */
export function exposureConcentration(exposures: Iterable<DebtorExposure>, count = CONCENTRATION_TOP): Concentration {
  let total = 0;
  const positive: DebtorExposure[] = [];
  for (const entry of exposures) {
    total += entry.exposureMinor;
    if (entry.exposureMinor > 0) positive.push(entry);
  }
  const top = positive
    .sort((a, b) => b.exposureMinor - a.exposureMinor || (a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0))
    .slice(0, count)
    .map((entry) => ({ debtorId: entry.debtorId, exposureMinor: entry.exposureMinor, shareBp: shareBasisPoints(entry.exposureMinor, total) }));
  const topExposureMinor = top.reduce((sum, entry) => sum + entry.exposureMinor, 0);
  return { totalExposureMinor: total, top, topExposureMinor, topShareBp: shareBasisPoints(topExposureMinor, total) };
}
