import { withNumbersOverlay, withTextsOverlay, type LedgerNumbersOverlay, type LedgerTextsOverlay } from '../../../../shared/domain/ledger/ledger-overlay';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import { withOpenInvoicesOverlay } from '../../../../shared/domain/ledger/open-invoices-overlay';
import type { OpenInvoiceChunk } from '../../../../shared/domain/ledger/open-invoices';
import { foldedRecordsMiddleware, type FoldedTable } from './folded-records-middleware';

export const NUMBER_OVERLAYS_TABLE = 'ledgerNumberOverlays';
export const TEXT_OVERLAYS_TABLE = 'ledgerTextOverlays';

const numbers: FoldedTable<LedgerChunkNumbers, LedgerNumbersOverlay> = { table: NUMBER_OVERLAYS_TABLE, fold: withNumbersOverlay };
const texts: FoldedTable<LedgerChunkTexts, LedgerTextsOverlay> = { table: TEXT_OVERLAYS_TABLE, fold: withTextsOverlay };
// A bank import does not write the chunk's open invoices again: its open amounts are folded in as they are read (migration 0029).
const openInvoices: FoldedTable<OpenInvoiceChunk, LedgerNumbersOverlay> = { table: NUMBER_OVERLAYS_TABLE, fold: withOpenInvoicesOverlay, readsOnly: true };

/**
 * Folds each ledger chunk's overlay (ledger-overlay.ts, migration 0025: the payment and allocation rows and
 * open amounts each bank import booked, kept beside the chunk instead of rewriting it whole) into every
 * read of ledgerNumbers and ledgerTexts and drops it on every write or delete of that half
 * (folded-records-middleware.ts): no reader can tell an overlaid chunk from one written whole. The numbers'
 * overlay is folded into the chunk's open invoices (openInvoiceChunks) as they are read, too, and stays when
 * they are written (the open-invoices middleware writes them only with both halves of the ledger, which drops it).
 */
export const ledgerOverlaysMiddleware = foldedRecordsMiddleware('ledgerOverlays', { ledgerNumbers: numbers, ledgerTexts: texts, openInvoiceChunks: openInvoices });
