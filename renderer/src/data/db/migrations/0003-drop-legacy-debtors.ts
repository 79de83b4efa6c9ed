import type { StoreMigration } from './migration';

/** Drops version 1's per-debtor table, read one last time by migration 0002 (Dexie's way to remove a table). */
export const migration0003: StoreMigration = {
  version: 3,
  description: 'Drop the version 1 debtors table',
  stores: { debtors: null },
};
