import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

export interface DebtorChangeRequest {
  readonly debtorId: string;
  readonly today: IsoDate;
  readonly at: string;
  readonly homeCurrency: string;
}

/** What a change did: the controller's line in the audit trail, or none when it changed nothing; and its answer. */
export interface DebtorChange<T> {
  readonly audit?: { readonly action: string; readonly details: AuditEntry['details'] };
  readonly result: T;
}

/**
 * One change the controller makes to one debtor (its settings, contacts, own limits, a dispute), in one
 * transaction: the debtor is looked up (`import.debtorGone` when it is not there any more), `change` edits
 * its chunk through the editor, and a change that says what it did has the chunk rewritten with fresh
 * figures (exposure, alerts, summaries) and its audit line added — all or nothing. A change without an
 * audit line changed nothing and writes nothing.
 */
export async function changeDebtor<T>(db: KredoDb, request: DebtorChangeRequest, change: (debtor: StoredDebtor, editor: ChunkEditor) => Promise<DebtorChange<T>>): Promise<T> {
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  return db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const editor = new ChunkEditor(db, index);
    const { audit, result } = await change(debtor, editor);
    if (audit) {
      await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
      await db.audit.add({ at: request.at, actor: 'user', entityType: 'debtor', entityId: debtor.id, ...audit });
    }
    return result;
  });
}
