import type { StoreMigration } from './migration';

/**
 * Insurer data that does not fit the schema (issue 15): each item the sync could not read is kept, with what
 * is wrong with it, until a readable version replaces it, and shown on the Insurer sync screen. A new table
 * only, so backups of earlier versions still restore (restore-store.ts, canRestoreSchema).
 */
export const migration0009: StoreMigration = {
  version: 9,
  description: 'Insurer data set aside because it does not fit the schema',
  stores: {
    insurerQuarantine: 'id',
  },
};
