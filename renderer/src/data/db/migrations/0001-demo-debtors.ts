import type { StoreMigration } from './migration';

/** Kredo 0.1's store: the first demo portfolio, one row per debtor. */
export const migration0001: StoreMigration = {
  version: 1,
  description: 'Demo debtors',
  stores: { debtors: 'id' },
};
