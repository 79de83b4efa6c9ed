import type { IsoDate } from '../time/iso-date';
import type { TierSize } from './data-tiers';
import { debtorTraits, type DebtorTraits } from './debtor-traits';

/** Share of items that are credit notes. */
const CREDIT_NOTE_SHARE = 0.02;

/**
 * How many invoices and credit notes each debtor gets, decided for the whole portfolio up front (a few
 * arrays of 20,000 numbers) so the item total is exactly the tier's, invoice numbers run across the
 * portfolio without gaps, and every chunk can be generated on its own with the same result.
 */
export interface PortfolioPlan {
  readonly seed: number;
  readonly today: IsoDate;
  readonly size: TierSize;
  readonly debtorsPerChunk: number;
  readonly chunkCount: number;
  readonly traits: readonly DebtorTraits[];
  readonly invoiceCounts: Int32Array;
  readonly creditNoteCounts: Int32Array;
  /** Index of each debtor's first item in the portfolio. */
  readonly itemOffsets: Int32Array;
  /** Payments per paid invoice, so that the tier's payment count comes out about right. */
  readonly paymentsPerPaidInvoice: number;
}

/** Rounds a list of real numbers to integers whose sum is the rounded sum (cumulative rounding). */
export function roundKeepingSum(values: readonly number[]): Int32Array {
  const result = new Int32Array(values.length);
  let cumulative = 0;
  let assigned = 0;
  values.forEach((value, index) => {
    cumulative += value;
    const target = Math.round(cumulative);
    result[index] = target - assigned;
    assigned = target;
  });
  return result;
}

export function planPortfolio(size: TierSize, options: { seed: number; today: IsoDate; debtorsPerChunk?: number }): PortfolioPlan {
  const debtorsPerChunk = options.debtorsPerChunk ?? 100;
  const traits = Array.from({ length: size.debtors }, (_, index) => debtorTraits(options.seed, index));

  // Every debtor gets at least one item; the rest follow the volume weights.
  const totalWeight = traits.reduce((sum, trait) => sum + trait.volumeWeight, 0);
  const spare = size.items - size.debtors;
  const extraItems = roundKeepingSum(traits.map((trait) => (spare * trait.volumeWeight) / totalWeight));
  const itemCounts = Int32Array.from(extraItems, (extra) => extra + 1);
  const creditNoteCounts = roundKeepingSum(Array.from(itemCounts, (count) => (count > 1 ? count * CREDIT_NOTE_SHARE : 0)));
  const invoiceCounts = Int32Array.from(itemCounts, (count, index) => count - creditNoteCounts[index]!);

  const itemOffsets = new Int32Array(size.debtors);
  let running = 0;
  itemCounts.forEach((count, index) => {
    itemOffsets[index] = running;
    running += count;
  });

  return {
    seed: options.seed,
    today: options.today,
    size,
    debtorsPerChunk,
    chunkCount: Math.ceil(size.debtors / debtorsPerChunk),
    traits,
    invoiceCounts,
    creditNoteCounts,
    itemOffsets,
    paymentsPerPaidInvoice: size.payments / (size.items * (1 - size.expectedOpenShare)),
  };
}
