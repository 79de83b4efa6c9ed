import type { StoreMigration } from './migration';

/**
 * Promises to pay and payment plans (issue 7): what a debtor agreed on a call. Whether each is kept is not
 * stored — it is decided from the ledger's payments every time (shared/domain/dunning/promises.ts), so an
 * imported bank statement settles them without anyone ticking a box. New tables only.
 */
export const migration0008: StoreMigration = {
  version: 8,
  description: 'Promises to pay and payment plans',
  stores: {
    promises: 'id, debtorId',
    paymentPlans: 'id, debtorId',
  },
};
