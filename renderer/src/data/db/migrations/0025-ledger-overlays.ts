import type { StoreMigration } from './migration';

/**
 * The columns of a ledger chunk a bank import booked payments on — open amounts, payments, allocations —
 * kept beside the chunk (shared/domain/ledger/ledger-overlay.ts) instead of rewriting its item columns too
 * (issue 14). Every read of ledgerNumbers and ledgerTexts folds them in (ledger-overlays-middleware.ts). New
 * tables only and no upgrade: an older store or backup simply has no overlay, its chunks hold everything.
 */
export const migration0025: StoreMigration = {
  version: 25,
  description: 'The payments a bank import booked, beside their ledger chunks',
  stores: {
    ledgerNumberOverlays: 'chunkId',
    ledgerTextOverlays: 'chunkId',
  },
};
