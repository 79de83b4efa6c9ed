import type { StoreMigration } from './migration';

/**
 * Indexes the keys an insurer cover finds its debtor by (insurer-keys.ts): the cover ids of each limit chunk
 * and the customer numbers and buyer ids of each debtor chunk, so that a sync of 100 changes reads the
 * chunks those debtors live in, not all 20,000 debtors (issue 14). Only indexes are added and no upgrade
 * runs, so backups of earlier versions still restore (restore-store.ts, canRestoreSchema): restored chunks get
 * their keys as they are written, chunks written before this version on the first sync (ensureInsurerKeys).
 */
export const migration0014: StoreMigration = {
  version: 14,
  description: 'Indexes from insurer cover ids, customer numbers and buyer ids to chunks',
  stores: {
    debtorChunks: 'chunkId, *insurerRefs, keysVersion',
    limitChunks: 'chunkId, *coverIds, keysVersion',
  },
};
