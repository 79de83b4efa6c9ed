import type { StoreMigration } from './migration';

/**
 * The controller's own salutation, opening and closing of letters (issue 16, item 4: Settings › Letter
 * texts), every saved version kept, found by language and step (`key`). A new table only and no upgrade,
 * so backups of earlier versions still restore (restore-store.ts, canRestoreSchema) with no texts of
 * their own: their letters keep Kredo's wording.
 */
export const migration0019: StoreMigration = {
  version: 19,
  description: 'The controller’s letter texts, every version',
  stores: {
    letterTexts: 'id, key',
  },
};
