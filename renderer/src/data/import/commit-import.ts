import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { ImportRecord, PaymentToReview } from '../db/schema';
import { REWRITTEN_TABLES, rewriteChunks, type StoreUpdate } from './rewrite-chunks';

export interface ImportCommit {
  readonly record: ImportRecord;
  readonly updates: readonly StoreUpdate[];
  readonly toReview: readonly PaymentToReview[];
  readonly today: IsoDate;
  readonly homeCurrency: string;
  readonly onChunk?: () => void;
  /** Audit lines of the debtors the import changed (a customer export's contacts and addresses), kept with it. */
  readonly audit?: readonly AuditEntry[];
}

/**
 * The stored portfolio totals, when they are of today: an import that changes no chunk (the same export
 * again, the daily case) then writes nothing but its own record and audit line, instead of reading every
 * chunk's summaries to add up the same totals again. Older totals are brought up to date as before.
 */
async function portfolioOfToday(db: KredoDb, today: IsoDate): Promise<PortfolioSummary | undefined> {
  const stored = await db.portfolio.get('current');
  if (stored?.asOf !== today) return undefined;
  const { id: _id, ...portfolio } = stored;
  return portfolio;
}

/**
 * Stores an import in one IndexedDB transaction: the changed ledger chunks with their summaries, the
 * portfolio totals, the payments left for review, the import's history record and its audit entry. If
 * anything fails, or the app is closed or killed half-way, IndexedDB rolls all of it back and the store
 * is exactly as it was (IndexedDB 3.0, §2.7 "Transaction lifecycle": an unfinished transaction aborts).
 */
export async function commitImport(db: KredoDb, commit: ImportCommit): Promise<PortfolioSummary> {
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.imports, db.paymentsToReview, db.audit];
  return db.transaction('rw', tables, async () => {
    const portfolio = (commit.updates.length === 0 ? await portfolioOfToday(db, commit.today) : undefined) ?? (await rewriteChunks(db, commit.updates, { today: commit.today, homeCurrency: commit.homeCurrency, ...(commit.onChunk && { onChunk: commit.onChunk }) }));
    if (commit.toReview.length > 0) await db.paymentsToReview.bulkPut([...commit.toReview]);
    await db.imports.put(commit.record);
    const entry: AuditEntry = {
      at: commit.record.at,
      actor: 'user',
      action: 'import.committed',
      entityType: 'import',
      entityId: commit.record.id,
      details: { fileName: commit.record.fileName, fileHash: commit.record.fileHash, kind: commit.record.kind, ...commit.record.report },
    };
    await db.audit.add(entry);
    if (commit.audit && commit.audit.length > 0) await db.audit.bulkAdd([...commit.audit]);
    return portfolio;
  });
}
