import type { StoreMigration } from './migration';

/**
 * Turnover (sales) declarations sent to the insurer or prepared for its portal (issue 18 item 4), every version
 * of a period kept, found by period. A new table only and no upgrade, so backups of earlier versions still
 * restore (restore-store.ts, canRestoreSchema) with no declarations of their own.
 */
export const migration0020: StoreMigration = {
  version: 20,
  description: 'Turnover declarations per period, every version',
  stores: {
    turnoverDeclarations: 'id, period',
  },
};
