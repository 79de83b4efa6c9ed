/**
 * The three data tiers of PRODUCT.md, produced by one deterministic generator: S is the demo portfolio,
 * M and L are for benchmarks. L is what Kredo is designed for: 20,000 debtors, a million invoices and
 * credit notes (about half open) and 300,000 payments.
 *
 * Invoices flow evenly over `historyDays` and are paid when their customers pay, so the share still open
 * follows from how long the history is: two years for the demo (a few percent open, as in a real
 * ledger), four months for tiers M and L (about half open, the stress case PRODUCT.md asks for).
 */
export type DataTier = 'S' | 'M' | 'L';

export interface TierSize {
  readonly debtors: number;
  /** Invoices and credit notes together. */
  readonly items: number;
  readonly payments: number;
  readonly historyDays: number;
  /** Used to plan how many payments settle the paid invoices; set so the tier's payment count comes out. */
  readonly expectedOpenShare: number;
}

export const DATA_TIERS: Readonly<Record<DataTier, TierSize>> = {
  S: { debtors: 200, items: 5_000, payments: 1_500, historyDays: 730, expectedOpenShare: 0.07 },
  M: { debtors: 5_000, items: 100_000, payments: 30_000, historyDays: 110, expectedOpenShare: 0.45 },
  L: { debtors: 20_000, items: 1_000_000, payments: 300_000, historyDays: 110, expectedOpenShare: 0.45 },
};

/** The demo's seed: the same portfolio on every machine. */
export const DEMO_SEED = 20261124;
