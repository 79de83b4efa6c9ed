import type { StoreMigration } from './migration';

/**
 * Each ledger chunk's open invoices kept beside it (shared/domain/ledger/open-invoices.ts), so the Dunning
 * worklist reads them instead of every ledger (issue 14). Written with the chunk on every write of its
 * ledger (open-invoices-middleware.ts). A new table only and no upgrade: a store upgraded from an earlier
 * version, or a backup from before it restored, has none yet, and the worklist reads those chunks' ledgers
 * as before until they are next written.
 */
export const migration0021: StoreMigration = {
  version: 21,
  description: 'Each ledger chunk’s open invoices beside it, for the Dunning worklist',
  stores: {
    openInvoiceChunks: 'chunkId',
  },
};
