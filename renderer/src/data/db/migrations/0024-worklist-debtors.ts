import type { StoreMigration } from './migration';

/**
 * Each debtor chunk's debtors as the Dunning worklist reads them (worklist-debtors.ts), kept beside the chunk
 * so the worklist need not read every debtor whole (issue 14). Written with the chunk on every write of it
 * (worklist-debtors-middleware.ts). A new table only and no upgrade, so a backup from before it still
 * restores: a store upgraded from an earlier version has none yet, and the worklist reads those chunks'
 * debtors whole as before until they are next written.
 */
export const migration0024: StoreMigration = {
  version: 24,
  description: 'Each debtor chunk’s debtors as the Dunning worklist reads them',
  stores: {
    worklistDebtorChunks: 'chunkId',
  },
};
