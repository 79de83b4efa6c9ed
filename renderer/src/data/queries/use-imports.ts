import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerItem } from '../../../../shared/domain/ledger/ledger-types';
import type { ImportRecord, PaymentToReview, StoredDebtor } from '../db/schema';
import { readDebtorLedger } from '../store/read-ledger';
import { uiDb } from './ui-db';

/** Bank lines waiting for the controller, oldest import first. */
export function usePaymentsToReview(): readonly PaymentToReview[] | undefined {
  return useLiveQuery(() => uiDb.paymentsToReview.orderBy('importedAt').toArray(), []);
}

/** The most recent imports, newest first. */
export function useImportHistory(limit: number): readonly ImportRecord[] | undefined {
  return useLiveQuery(() => uiDb.imports.orderBy('at').reverse().limit(limit).toArray(), [limit]);
}

/** Every debtor, for picking one (a few hundred chunk records even at tier L). */
export function useAllDebtors(isWanted: boolean): readonly StoredDebtor[] | undefined {
  return useLiveQuery(async () => (isWanted ? (await uiDb.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors) : []), [isWanted]);
}

/** A debtor's open invoices in one currency, oldest due first: what a payment can be assigned to. */
export function useOpenInvoices(debtor: StoredDebtor | undefined, currency: string): readonly LedgerItem[] | undefined {
  return useLiveQuery(async () => {
    if (!debtor) return [];
    const ledger = await readDebtorLedger(uiDb, debtor.chunkId, debtor.id);
    return (ledger?.items ?? []).filter((item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === currency).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }, [debtor?.id, debtor?.chunkId, currency]);
}
