import { useLiveQuery } from 'dexie-react-hooks';
import { readDebtorDetail, type DebtorDetail } from '../../data/queries/read-debtor-detail';
import { uiDb } from '../../data/queries/ui-db';

export type { DebtorDetail } from '../../data/queries/read-debtor-detail';

/**
 * Everything the debtor page shows, read in one live query so it updates when an import, a payment
 * assignment or a note changes any of it. Returns null when the debtor is not (or no longer) in the store.
 */
export function useDebtorDetail(debtorId: string, chunkHint: number | undefined): DebtorDetail | null | undefined {
  return useLiveQuery(() => readDebtorDetail(uiDb, debtorId, chunkHint), [debtorId, chunkHint]);
}

/** A note on the debtor goes into the append-only audit trail: it can be read back, never lost or edited. */
export async function addDebtorNote(debtorId: string, text: string, at: string): Promise<void> {
  await uiDb.audit.add({ at, actor: 'user', action: 'debtor.noteAdded', entityType: 'debtor', entityId: debtorId, details: { text } });
}
