import { changedMasterData, masterDataOf, validateMasterData } from '../../../../shared/domain/debtors/debtor-master-data';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { changeDebtor } from './change-debtor';

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
  const value = validated.value;
  return changeDebtor(db, request, async (debtor, editor) => {
    const changed = changedMasterData(masterDataOf(debtor), value);
    if (changed.length === 0) return { result: { errors: [] } };
    const { address: _address, invoiceAddress: _invoiceAddress, ...rest } = debtor;
    const editedByHand = [...new Set([...(debtor.editedByHand ?? []), ...changed])];
    await editor.setDebtor({ ...rest, ...value, editedByHand });
    return { audit: { action: 'debtor.masterDataChanged', details: { fields: changed.join(',') } }, result: { errors: [] } };
  });
}
