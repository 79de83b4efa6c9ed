/**
 * The three data tiers of PRODUCT.md, produced by one deterministic generator: S is the demo portfolio,
 * M and L are for benchmarks. L is what Kredo is designed for: 20,000 debtors, a million invoices and
 * credit notes (about half open) and 300,000 payments.
 */
export type DataTier = 'S' | 'M' | 'L';

export interface TierSize {
  readonly debtors: number;
  /** Invoices and credit notes together. */
  readonly items: number;
  readonly payments: number;
}

export const DATA_TIERS: Readonly<Record<DataTier, TierSize>> = {
  S: { debtors: 200, items: 5_000, payments: 1_500 },
  M: { debtors: 5_000, items: 100_000, payments: 30_000 },
  L: { debtors: 20_000, items: 1_000_000, payments: 300_000 },
};

/** The demo's seed: the same portfolio on every machine. */
export const DEMO_SEED = 20261124;
