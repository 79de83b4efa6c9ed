import type { StoreMigration } from './migration';

/**
 * Indexes kept letters by their own payment reference (issue 16, item 6): a bank import looks up the
 * references its lines quote (betalingskenmerk, OCR, RF) without reading every kept letter and its PDF.
 * Only an index is added and no upgrade runs, so backups of earlier versions still restore
 * (restore-store.ts, canRestoreSchema); letters kept before references were given have none and are not
 * in the index.
 */
export const migration0016: StoreMigration = {
  version: 16,
  description: 'Index from a letter’s payment reference to the letter',
  stores: {
    documents: 'id, debtorId, actionId, paymentReference',
  },
};
