import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';

/** A debtor's record, from the chunk that holds it (the chunk id comes with every summary row). */
export async function readDebtor(db: KredoDb, chunkId: number, debtorId: string): Promise<StoredDebtor | undefined> {
  return (await db.debtorChunks.get(chunkId))?.debtors.find((debtor) => debtor.id === debtorId);
}

/** One debtor's invoices, credit notes, payments and allocations, decoded from its ledger chunk. */
export async function readDebtorLedger(db: KredoDb, chunkId: number, debtorId: string): Promise<DebtorLedger | undefined> {
  const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(chunkId), db.ledgerTexts.get(chunkId)]);
  if (!numbers || !texts || !numbers.debtorIds.includes(debtorId)) return undefined;
  return decodeLedgerChunk({ numbers, texts }, new Set([debtorId]))[0];
}
