import { changedSettings, settingsOf, validateDebtorSettings } from '../../../../shared/domain/debtors/debtor-settings';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { chooseSegment } from '../../../../shared/domain/dunning/policy-segments';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadCreditPolicy } from '../dunning/load-worklist';
import { changeDebtor } from './change-debtor';

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
  const value = validated.value;
  return changeDebtor<{ readonly errors: readonly FieldError[] }>(db, request, async (debtor, editor) => {
    const segment = chooseSegment(policy, debtor.segment, value.segment);
    if ('error' in segment) return { result: { errors: [segment.error] } };
    const settings = { ...value, segment: segment.segment };
    const changes = changedSettings(settingsOf(debtor), settings);
    if (Object.keys(changes).length === 0) return { result: { errors: [] } };
    await editor.setDebtor({ ...debtor, ...settings });
    return { audit: { action: 'debtor.settingsChanged', details: changes }, result: { errors: [] } };
  });
}
