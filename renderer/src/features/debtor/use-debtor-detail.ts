import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { DunningAction } from '../../../../shared/domain/dunning/dunning-action';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { StoredDebtor } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import { readDebtorLedger } from '../../data/store/read-ledger';

export interface DebtorDetail {
  readonly debtor: StoredDebtor;
  readonly summary: DebtorSummary | undefined;
  readonly limits: readonly CreditLimit[];
  readonly ledger: DebtorLedger | undefined;
  readonly dunning: readonly DunningAction[];
  readonly audit: readonly AuditEntry[];
}

/** The chunk holding a debtor: found through the summaries, which are the smallest records that list debtor ids. */
async function chunkOf(debtorId: string): Promise<number | undefined> {
  let found: number | undefined;
  await uiDb.summaryChunks.each((chunk) => {
    if (found === undefined && chunk.summaries.some((summary) => summary.debtorId === debtorId)) found = chunk.chunkId;
  });
  return found;
}

/**
 * Everything the debtor page shows, read in one live query so it updates when an import, a payment
 * assignment or a note changes any of it. Returns null when the debtor is not (or no longer) in the store.
 */
export function useDebtorDetail(debtorId: string, chunkHint: number | undefined): DebtorDetail | null | undefined {
  return useLiveQuery(async () => {
    let chunkId = chunkHint;
    let debtor = chunkId === undefined ? undefined : (await uiDb.debtorChunks.get(chunkId))?.debtors.find((candidate) => candidate.id === debtorId);
    if (!debtor) {
      chunkId = await chunkOf(debtorId);
      debtor = chunkId === undefined ? undefined : (await uiDb.debtorChunks.get(chunkId))?.debtors.find((candidate) => candidate.id === debtorId);
    }
    if (!debtor) {
      // A debtor merged into another (a link or a page open from before the merge) shows the one it went to.
      await uiDb.debtorChunks.each((chunk) => {
        const survivor = debtor ? undefined : chunk.debtors.find((candidate) => candidate.aliases?.debtorIds.includes(debtorId));
        if (survivor) [debtor, chunkId] = [survivor, chunk.chunkId];
      });
    }
    if (!debtor || chunkId === undefined) return null;
    const found: StoredDebtor = debtor;
    const ids = [found.id, ...(found.aliases?.debtorIds ?? [])];
    const [summaries, limits, ledger, dunning, debtorAudit, paymentAudit] = await Promise.all([
      uiDb.summaryChunks.get(chunkId),
      uiDb.limitChunks.get(chunkId),
      readDebtorLedger(uiDb, chunkId, found.id),
      uiDb.dunningActions.where('debtorId').equals(found.id).toArray(),
      // The audit trail is append-only: what was written about debtors merged into this one stays under their ids.
      uiDb.audit.where('[entityType+entityId]').anyOf(ids.map((id) => ['debtor', id])).toArray(),
      // Payments assigned on the review list name the debtor in their details.
      uiDb.audit.where('[entityType+entityId]').between(['payment', Dexie.minKey], ['payment', Dexie.maxKey]).filter((entry) => ids.includes(String(entry.details['debtorId']))).toArray(),
    ]);
    return {
      debtor: found,
      summary: summaries?.summaries.find((summary) => summary.debtorId === found.id),
      limits: limits?.limits.filter((limit) => limit.debtorId === found.id) ?? [],
      ledger,
      dunning,
      audit: [...debtorAudit, ...paymentAudit].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    };
  }, [debtorId, chunkHint]);
}

/** A note on the debtor goes into the append-only audit trail: it can be read back, never lost or edited. */
export async function addDebtorNote(debtorId: string, text: string, at: string): Promise<void> {
  await uiDb.audit.add({ at, actor: 'user', action: 'debtor.noteAdded', entityType: 'debtor', entityId: debtorId, details: { text } });
}
