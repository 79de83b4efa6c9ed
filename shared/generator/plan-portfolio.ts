import type { IsoDate } from '../time/iso-date';
import type { TierSize } from './data-tiers';
import { debtorTraits, type DebtorTraits } from './debtor-traits';

/** Share of items that are credit notes. */
const CREDIT_NOTE_SHARE = 0.02;
/** Share of invoices left open across the portfolio ("half open", PRODUCT.md tier L). */
const OPEN_SHARE = 0.5;

/**
 * How many invoices, credit notes, open invoices and payments each debtor gets, decided for the whole
 * portfolio up front (a few arrays of 20,000 numbers) so the totals are exactly the tier's and every
 * chunk can then be generated on its own, in any order, with the same result.
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
  readonly openInvoiceCounts: Int32Array;
  readonly paymentCounts: Int32Array;
  /** Index of each debtor's first item in the portfolio (invoice numbers run across the portfolio). */
  readonly itemOffsets: Int32Array;
  readonly paymentOffsets: Int32Array;
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

function prefixOffsets(counts: Int32Array, extra?: Int32Array): Int32Array {
  const offsets = new Int32Array(counts.length);
  let running = 0;
  for (let index = 0; index < counts.length; index += 1) {
    offsets[index] = running;
    running += counts[index]! + (extra ? extra[index]! : 0);
  }
  return offsets;
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

  // Scale each payer profile's open share so that the portfolio as a whole is half open.
  const totalInvoices = invoiceCounts.reduce((sum, count) => sum + count, 0);
  let scale = 1;
  for (let iteration = 0; iteration < 20; iteration += 1) {
    const open = traits.reduce((sum, trait, index) => sum + invoiceCounts[index]! * Math.min(1, trait.profile.openShare * scale), 0);
    scale *= (OPEN_SHARE * totalInvoices) / open;
  }
  const openInvoiceCounts = roundKeepingSum(traits.map((trait, index) => invoiceCounts[index]! * Math.min(1, trait.profile.openShare * scale)));
  openInvoiceCounts.forEach((open, index) => {
    openInvoiceCounts[index] = Math.min(Math.max(open, 0), invoiceCounts[index]!);
  });

  // Payments settle the paid invoices, often several at once.
  const paid = Array.from(invoiceCounts, (count, index) => count - openInvoiceCounts[index]!);
  const totalPaid = paid.reduce((sum, count) => sum + count, 0);
  const paymentsPerPaidInvoice = totalPaid > 0 ? size.payments / totalPaid : 0;
  const paymentCounts = roundKeepingSum(paid.map((count) => count * paymentsPerPaidInvoice));
  paymentCounts.forEach((count, index) => {
    paymentCounts[index] = Math.min(Math.max(count, paid[index]! > 0 ? 1 : 0), paid[index]!);
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
    openInvoiceCounts,
    paymentCounts,
    itemOffsets: prefixOffsets(invoiceCounts, creditNoteCounts),
    paymentOffsets: prefixOffsets(paymentCounts),
  };
}
