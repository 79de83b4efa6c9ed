import Dexie, { type Table } from 'dexie';
import { insurerKeysMiddleware } from './insurer-keys';
import { MIGRATIONS } from './migrations';
import { openInvoicesMiddleware } from './open-invoices-middleware';
import { worklistDebtorsMiddleware } from './worklist-debtors-middleware';
import { ledgerOverlaysMiddleware } from './ledger-overlays-middleware';
import { chunkDeltasMiddleware } from './chunk-deltas-middleware';
import { worklistSummariesMiddleware } from './worklist-summaries-middleware';
import type { StoreMigration } from './migrations/migration';
import type { StoreTables } from './schema';

export const STORE_NAME = 'kredo';

/**
 * The offline store (IndexedDB through Dexie). `cache: 'immutable'`: results are treated as frozen, which
 * suits React and is Dexie's fastest, leanest mode (Dexie source, dexie.ts).
 */
export class KredoDb extends Dexie {
  debtorChunks!: Table<StoreTables['debtorChunks'], number>;
  ledgerNumbers!: Table<StoreTables['ledgerNumbers'], number>;
  ledgerTexts!: Table<StoreTables['ledgerTexts'], number>;
  openInvoiceChunks!: Table<StoreTables['openInvoiceChunks'], number>;
  worklistDebtorChunks!: Table<StoreTables['worklistDebtorChunks'], number>;
  ledgerNumberOverlays!: Table<StoreTables['ledgerNumberOverlays'], number>;
  ledgerTextOverlays!: Table<StoreTables['ledgerTextOverlays'], number>;
  summaryChunks!: Table<StoreTables['summaryChunks'], number>;
  worklistSummaryChunks!: Table<StoreTables['worklistSummaryChunks'], number>;
  portfolio!: Table<StoreTables['portfolio'], string>;
  limitChunks!: Table<StoreTables['limitChunks'], number>;
  policies!: Table<StoreTables['policies'], string>;
  exchangeRates!: Table<StoreTables['exchangeRates'], [string, string, string]>;
  dunningActions!: Table<StoreTables['dunningActions'], string>;
  audit!: Table<StoreTables['audit'], number>;
  meta!: Table<StoreTables['meta'], string>;
  imports!: Table<StoreTables['imports'], string>;
  paymentsToReview!: Table<StoreTables['paymentsToReview'], string>;
  limitOutbox!: Table<StoreTables['limitOutbox'], string>;
  lossOutbox!: Table<StoreTables['lossOutbox'], string>;
  documents!: Table<StoreTables['documents'], string>;
  promises!: Table<StoreTables['promises'], string>;
  paymentPlans!: Table<StoreTables['paymentPlans'], string>;
  insurerQuarantine!: Table<StoreTables['insurerQuarantine'], string>;
  syncState!: Table<StoreTables['syncState'], string>;
  interestRates!: Table<StoreTables['interestRates'], string>;
  letterTexts!: Table<StoreTables['letterTexts'], string>;
  turnoverDeclarations!: Table<StoreTables['turnoverDeclarations'], string>;
  syncRuns!: Table<StoreTables['syncRuns'], number>;
  syncRunChanges!: Table<StoreTables['syncRunChanges'], number>;
  limitDeltas!: Table<StoreTables['limitDeltas'], number>;
  summaryDeltas!: Table<StoreTables['summaryDeltas'], number>;

  constructor(name = STORE_NAME, migrations: readonly StoreMigration[] = MIGRATIONS) {
    super(name, { cache: 'immutable' });
    // Before any version is declared, so that every write of a chunk — upgrades included — carries its keys.
    this.use(insurerKeysMiddleware);
    // Likewise each ledger chunk's open invoices, kept for the Dunning worklist (migration 0021).
    this.use(openInvoicesMiddleware);
    // And each debtor chunk's debtors as the worklist reads them (migration 0024).
    this.use(worklistDebtorsMiddleware);
    // And the limits and summaries a sync changed beside their chunks, folded into every read (migration 0026).
    this.use(chunkDeltasMiddleware);
    // And each summary chunk's overdue debtors as the worklist reads them, from every whole write of the chunk
    // (migration 0027; the chunk's sync delta is folded in as the worklist reads, 0028).
    this.use(worklistSummariesMiddleware);
    // And the payments a bank import booked beside their ledger chunks, folded into every read (migration 0025).
    this.use(ledgerOverlaysMiddleware);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
