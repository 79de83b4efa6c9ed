import type { StoreMigration } from './migration';

/**
 * The insurer sync's history (issue 17): `syncRuns` holds one small record per sync — when, full or
 * incremental, how it ended and what it counted — numbered in order (`seq`, so runs at the same instant keep
 * their order); `syncRunChanges` holds the limit changes of each run under the same number, read only when
 * the controller opens that run. Both are bounded (sync-history.ts). New tables only and no upgrade, so
 * backups of earlier versions still restore (restore-store.ts, canRestoreSchema) with an empty history.
 */
export const migration0023: StoreMigration = {
  version: 23,
  description: 'The insurer sync’s history and what each sync changed',
  stores: {
    syncRuns: '++seq',
    syncRunChanges: 'seq',
  },
};
