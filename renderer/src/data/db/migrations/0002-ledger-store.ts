import type { StoreMigration } from './migration';

/**
 * The ledger store, built for a million invoices. Everything that grows with the portfolio is stored per
 * chunk of about 100 debtors: their records, their limits, their ledgers (as two records: numbers and
 * texts) and their summaries. Beside those: the portfolio summary, policies, dated exchange rates, dunning
 * actions, the append-only audit trail, and a key–value table for the store's own facts.
 *
 * Version 1's demo debtors had no ledger to carry over (they were totals only); the upgrade records how
 * many there were, the welcome screen offers the new demo, and migration 0003 drops the old table.
 */
export const migration0002: StoreMigration = {
  version: 2,
  description: 'Ledger store',
  stores: {
    debtorChunks: 'chunkId',
    limitChunks: 'chunkId',
    ledgerNumbers: 'chunkId',
    ledgerTexts: 'chunkId',
    summaryChunks: 'chunkId',
    portfolio: 'id',
    policies: 'id',
    exchangeRates: '[base+quote+date]',
    dunningActions: 'id, debtorId, [status+plannedOn]',
    audit: '++seq, at, [entityType+entityId]',
    meta: 'key',
  },
  async upgrade(transaction) {
    const legacy = await transaction.table('debtors').count();
    if (legacy > 0) await transaction.table('meta').put({ key: 'legacyDemoRemoved', value: legacy });
  },
};
