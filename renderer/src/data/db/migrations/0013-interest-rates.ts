import type { StoreMigration } from './migration';

/**
 * The statutory-interest rate rows the controller adds (issue 13, item 2: Settings › Interest rates), one
 * record per table and period (`${kind}:${validFrom}`). The shipped rows are code and change with app
 * updates; these are the controller's, so they live in the store, survive updates and travel in backups.
 * A new table only, so backups of earlier versions still restore (restore-store.ts, canRestoreSchema).
 */
export const migration0013: StoreMigration = {
  version: 13,
  description: 'Statutory-interest rate rows added by the controller',
  stores: {
    interestRates: 'id, kind',
  },
};
