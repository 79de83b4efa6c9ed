import { changedSettings, settingsOf, validateDebtorSettings } from '../../../../shared/domain/debtors/debtor-settings';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { chooseSegment } from '../../../../shared/domain/dunning/policy-segments';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';
import { loadCreditPolicy } from '../dunning/load-worklist';

export interface DebtorSettingsRequest {
  readonly debtorId: string;
  /** Country, letter language, law and segment as the form has them; checked here, not trusted. */
  readonly settings: unknown;
  readonly today: IsoDate;
  readonly at: string;
  readonly homeCurrency: string;
}

/**
 * Saves a debtor's country, letter language, law and segment when every field checks out; otherwise
 * nothing is stored and each problem comes back with its field. The summaries carry the country (the
 * grid filters on it), so the debtor's chunk is rewritten with its figures in the same transaction, with
 * an audit line naming each change before and after. The segment must be one of the credit policy's
 * (policy-segments.ts): a stored segment the policy no longer has may stay, but none is typed anew.
 */
export async function saveDebtorSettings(db: KredoDb, request: DebtorSettingsRequest): Promise<{ readonly errors: readonly FieldError[] }> {
  const validated = validateDebtorSettings(request.settings);
  if (!validated.ok) return { errors: validated.errors };
  const policy = await loadCreditPolicy(db);
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  return db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const segment = chooseSegment(policy, debtor.segment, validated.value.segment);
    if ('error' in segment) return { errors: [segment.error] };
    const settings = { ...validated.value, segment: segment.segment };
    const changes = changedSettings(settingsOf(debtor), settings);
    if (Object.keys(changes).length === 0) return { errors: [] };
    const editor = new ChunkEditor(db, index);
    await editor.setDebtor({ ...debtor, ...settings });
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
    await db.audit.add({ at: request.at, actor: 'user', action: 'debtor.settingsChanged', entityType: 'debtor', entityId: debtor.id, details: changes });
    return { errors: [] };
  });
}
