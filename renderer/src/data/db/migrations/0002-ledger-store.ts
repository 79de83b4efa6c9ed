import type { StoreMigration } from './migration';

/**
 * The ledger store, built for a million invoices: debtors by id (and by ERP customer code, which imports
 * match on, and by ledger chunk), ledger chunks as two records (numbers, texts), debtor summaries per
 * chunk, the portfolio summary, limits, policies, dated exchange rates, dunning actions, the append-only
 * audit trail, and a key–value table for the store's own facts.
 *
 * Version 1's demo debtors have no ledger to carry over (they were totals only), so they are removed and
 * the welcome screen offers the new demo portfolio again.
 */
export const migration0002: StoreMigration = {
  version: 2,
  description: 'Ledger store',
  stores: {
    debtors: 'id, &customerCode, chunkId',
    ledgerNumbers: 'chunkId',
    ledgerTexts: 'chunkId',
    summaryChunks: 'chunkId',
    portfolio: 'id',
    limits: '[debtorId+source], debtorId',
    policies: 'id',
    exchangeRates: '[base+quote+date]',
    dunningActions: 'id, debtorId, [status+plannedOn]',
    audit: '++seq, at, [entityType+entityId]',
    meta: 'key',
  },
  async upgrade(transaction) {
    const legacy = await transaction.table('debtors').filter((row: { exposureMinor?: unknown }) => row.exposureMinor !== undefined).primaryKeys();
    await transaction.table('debtors').bulkDelete(legacy);
    if (legacy.length > 0) await transaction.table('meta').put({ key: 'legacyDemoRemoved', value: legacy.length });
  },
};
