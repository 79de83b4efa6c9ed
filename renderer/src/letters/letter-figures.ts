import type { DunningLetterInput, LetterCost } from './dunning-letter';

/**
 * The sums a letter states. Every one is a plain addition of whole minor units, checked to stay within
 * the range where a JavaScript number is exact, so the lines of the letter always add up to the cent.
 */
export interface LetterFigures {
  /** What is still open of the listed invoices. */
  readonly principalMinor: number;
  readonly interestMinor: number;
  /** Costs due now (not the announced ones). */
  readonly costsMinor: number;
  readonly totalDueMinor: number;
  /** Costs that become due only if the letter's term passes unpaid (the Dutch WIK of a fourteen-day letter). */
  readonly announcedCostsMinor: number;
  readonly totalIfUnpaidMinor: number;
}

export function isAnnounced(cost: LetterCost): boolean {
  return cost.status === 'announced';
}

export function letterFigures(input: DunningLetterInput): LetterFigures {
  const principalMinor = sumMinor(input.invoices.map((invoice) => invoice.openMinor));
  const interestMinor = sumMinor(input.invoices.map((invoice) => invoice.interestMinor));
  const costsMinor = sumMinor(input.costs.filter((cost) => !isAnnounced(cost)).map((cost) => cost.amountMinor));
  const announcedCostsMinor = sumMinor(input.costs.filter(isAnnounced).map((cost) => cost.amountMinor));
  const totalDueMinor = sumMinor([principalMinor, interestMinor, costsMinor]);
  return {
    principalMinor,
    interestMinor,
    costsMinor,
    totalDueMinor,
    announcedCostsMinor,
    totalIfUnpaidMinor: sumMinor([totalDueMinor, announcedCostsMinor]),
  };
}

/** Whole minor units added up; refuses fractions and totals beyond 2^53, where addition stops being exact. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not whole minor units: ${value}`);
    total += value;
    if (!Number.isSafeInteger(total)) throw new RangeError('A letter total is beyond exact arithmetic');
  }
  return total;
}
