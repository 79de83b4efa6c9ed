import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { KredoDb } from '../db/kredo-db';

/** One debtor's invoices, credit notes, payments and allocations, decoded from its ledger chunk. */
export async function readDebtorLedger(db: KredoDb, debtorId: string): Promise<DebtorLedger | undefined> {
  const debtor = await db.debtors.get(debtorId);
  if (!debtor) return undefined;
  const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(debtor.chunkId), db.ledgerTexts.get(debtor.chunkId)]);
  if (!numbers || !texts) return undefined;
  return decodeLedgerChunk({ numbers, texts }, new Set([debtorId]))[0];
}
