import type { Transaction } from 'dexie';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../../shared/domain/ledger/ledger-chunk';
import { openInvoicesOf, type OpenInvoiceChunk } from '../../../../../shared/domain/ledger/open-invoices';
import type { StoreMigration } from './migration';

/**
 * Each ledger chunk's open invoices (0021) now name their rows among the chunk's items, and a bank import no
 * longer writes them again: the open amounts its overlay changed are folded into them as they are read
 * (open-invoices-overlay.ts; issue 14, a third of a tier-L bank import's commit). The upgrade works every kept
 * record out again from its chunk as read (overlay folded in), with its rows; a record whose chunk is not whole
 * is deleted, as the open-invoices middleware does, and the worklist reads that chunk's ledger. No table
 * changes, and it only derives what a restore derives again as it writes the ledgers, so older backups still
 * restore. One chunk at a time: at tier L every ledger is read once (about a second), never all held at once.
 */
export const migration0029: StoreMigration = {
  version: 29,
  description: 'Each chunk’s open invoices with their item rows, a bank import’s overlay folded in as read',
  stores: {},
  upgradeDerivesOnly: true,
  async upgrade(transaction: Transaction) {
    const kept = transaction.table<OpenInvoiceChunk, number>('openInvoiceChunks');
    const numbers = transaction.table<LedgerChunkNumbers, number>('ledgerNumbers');
    const texts = transaction.table<LedgerChunkTexts, number>('ledgerTexts');
    for (const chunkId of await kept.toCollection().primaryKeys()) {
      const chunkNumbers = await numbers.get(chunkId);
      const chunkTexts = await texts.get(chunkId);
      if (chunkNumbers && chunkTexts) await kept.put(openInvoicesOf({ numbers: chunkNumbers, texts: chunkTexts }));
      else await kept.delete(chunkId);
    }
  },
};
