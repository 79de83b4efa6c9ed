import type { Transaction } from 'dexie';

/**
 * One schema version of the offline store, one file each (as Signal Desktop does), each with its own
 * test on fake-indexeddb. `stores` is Dexie's index syntax for the tables that change in this version
 * (null deletes a table); `upgrade` moves existing data. Upgrades run inside Dexie's version-change
 * transaction: only IndexedDB work there, no fetch or timers (Dexie PrematureCommitError).
 */
export interface StoreMigration {
  readonly version: number;
  readonly description: string;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
  /**
   * True when the upgrade only fills tables a store middleware derives from every write of their source
   * (worklistSummaryChunks, say): a restore writes the sources, which derives them, so a backup from before
   * this version still restores (restore-store.ts).
   */
  readonly upgradeDerivesOnly?: boolean;
}
