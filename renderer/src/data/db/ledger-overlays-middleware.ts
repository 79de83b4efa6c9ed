import { withNumbersOverlay, withTextsOverlay, type LedgerNumbersOverlay, type LedgerTextsOverlay } from '../../../../shared/domain/ledger/ledger-overlay';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import { foldedRecordsMiddleware, type FoldedTable } from './folded-records-middleware';

export const NUMBER_OVERLAYS_TABLE = 'ledgerNumberOverlays';
export const TEXT_OVERLAYS_TABLE = 'ledgerTextOverlays';

const numbers: FoldedTable<LedgerChunkNumbers, LedgerNumbersOverlay> = { table: NUMBER_OVERLAYS_TABLE, fold: withNumbersOverlay };
const texts: FoldedTable<LedgerChunkTexts, LedgerTextsOverlay> = { table: TEXT_OVERLAYS_TABLE, fold: withTextsOverlay };

/**
 * Folds each ledger chunk's overlay (ledger-overlay.ts, migration 0025: the payment and allocation rows and
 * open amounts each bank import booked, kept beside the chunk instead of rewriting it whole) into every
 * read of ledgerNumbers and ledgerTexts and drops it on every write or delete of that half
 * (folded-records-middleware.ts): no reader can tell an overlaid chunk from one written whole.
 */
export const ledgerOverlaysMiddleware = foldedRecordsMiddleware('ledgerOverlays', { ledgerNumbers: numbers, ledgerTexts: texts });
