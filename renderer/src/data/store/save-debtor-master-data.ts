import { changedMasterData, masterDataOf, validateMasterData } from '../../../../shared/domain/debtors/debtor-master-data';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

export interface DebtorMasterDataRequest {
  readonly debtorId: string;
  /** Contacts, postal and invoice address as the form has them; checked here, not trusted. */
  readonly data: unknown;
  readonly today: IsoDate;
  readonly at: string;
  readonly homeCurrency: string;
}

/**
 * Saves a debtor's contacts and addresses when every field checks out, else nothing and each problem with
 * its field. What the controller changed here is marked as edited by hand, so an import never overwrites
 * it (shared/domain/debtors/debtor-master-data.ts, takeImportedMasterData); an audit line names the parts.
 */
export async function saveDebtorMasterData(db: KredoDb, request: DebtorMasterDataRequest): Promise<{ readonly errors: readonly FieldError[] }> {
  const validated = validateMasterData(request.data);
  if (!validated.ok) return { errors: validated.errors };
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  await db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const changed = changedMasterData(masterDataOf(debtor), validated.value);
    if (changed.length === 0) return;
    const { address: _address, invoiceAddress: _invoiceAddress, ...rest } = debtor;
    const editedByHand = [...new Set([...(debtor.editedByHand ?? []), ...changed])];
    const editor = new ChunkEditor(db, index);
    await editor.setDebtor({ ...rest, ...validated.value, editedByHand });
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
    await db.audit.add({ at: request.at, actor: 'user', action: 'debtor.masterDataChanged', entityType: 'debtor', entityId: debtor.id, details: { fields: changed.join(',') } });
  });
  return { errors: [] };
}
