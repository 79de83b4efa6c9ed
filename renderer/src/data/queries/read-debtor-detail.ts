import Dexie from 'dexie';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { DunningAction } from '../../../../shared/domain/dunning/dunning-action';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { readDebtorLedger } from '../store/read-ledger';

export interface DebtorDetail {
  readonly debtor: StoredDebtor;
  readonly summary: DebtorSummary | undefined;
  readonly limits: readonly CreditLimit[];
  readonly ledger: DebtorLedger | undefined;
  readonly dunning: readonly DunningAction[];
  readonly audit: readonly AuditEntry[];
}

/** The chunk holding a debtor: found through the summaries, which are the smallest records that list debtor ids. */
async function chunkOf(db: KredoDb, debtorId: string): Promise<number | undefined> {
  let found: number | undefined;
  await db.summaryChunks.each((chunk) => {
    if (found === undefined && chunk.summaries.some((summary) => summary.debtorId === debtorId)) found = chunk.chunkId;
  });
  return found;
}

/**
 * Everything the debtor page shows (its figures, limits, ledger, dunning and audit trail, from which
 * shared/domain/debtor-page/debtor-timeline.ts builds the timeline). Returns null when the debtor is not
 * (or no longer) in the store. A plain read so the page's live query and the tests read the same way.
 */
export async function readDebtorDetail(db: KredoDb, debtorId: string, chunkHint: number | undefined): Promise<DebtorDetail | null> {
  let chunkId = chunkHint;
  let debtor = chunkId === undefined ? undefined : (await db.debtorChunks.get(chunkId))?.debtors.find((candidate) => candidate.id === debtorId);
  if (!debtor) {
    chunkId = await chunkOf(db, debtorId);
    debtor = chunkId === undefined ? undefined : (await db.debtorChunks.get(chunkId))?.debtors.find((candidate) => candidate.id === debtorId);
  }
  if (!debtor) {
    // A debtor merged into another (a link or a page open from before the merge) shows the one it went to.
    await db.debtorChunks.each((chunk) => {
      const survivor = debtor ? undefined : chunk.debtors.find((candidate) => candidate.aliases?.debtorIds.includes(debtorId));
      if (survivor) [debtor, chunkId] = [survivor, chunk.chunkId];
    });
  }
  if (!debtor || chunkId === undefined) return null;
  const found: StoredDebtor = debtor;
  const ids = [found.id, ...(found.aliases?.debtorIds ?? [])];
  const [summaries, limits, ledger, dunning, debtorAudit, paymentAudit] = await Promise.all([
    db.summaryChunks.get(chunkId),
    db.limitChunks.get(chunkId),
    readDebtorLedger(db, chunkId, found.id),
    db.dunningActions.where('debtorId').equals(found.id).toArray(),
    // The audit trail is append-only: what was written about debtors merged into this one stays under their ids.
    db.audit.where('[entityType+entityId]').anyOf(ids.map((id) => ['debtor', id])).toArray(),
    // Payments assigned on the review list name the debtor in their details.
    db.audit.where('[entityType+entityId]').between(['payment', Dexie.minKey], ['payment', Dexie.maxKey]).filter((entry) => ids.includes(String(entry.details['debtorId']))).toArray(),
  ]);
  return {
    debtor: found,
    summary: summaries?.summaries.find((summary) => summary.debtorId === found.id),
    limits: limits?.limits.filter((limit) => limit.debtorId === found.id) ?? [],
    ledger,
    dunning,
    audit: [...debtorAudit, ...paymentAudit].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
  };
}
