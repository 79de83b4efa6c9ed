import { validateCreditPolicy } from '../../../../shared/domain/dunning/credit-policy-schema';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { KredoDb } from '../db/kredo-db';
import { CREDIT_POLICY_KEY } from './load-worklist';

/**
 * Saves an edited credit policy when every field checks out; otherwise nothing is stored and every
 * problem comes back with its field, for the editor to show next to the input.
 */
export async function saveCreditPolicy(db: KredoDb, request: { readonly policy: unknown; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }> {
  const validated = validateCreditPolicy(request.policy);
  if (!validated.ok) return { errors: validated.errors };
  await db.transaction('rw', db.meta, db.audit, async () => {
    await db.meta.put({ key: CREDIT_POLICY_KEY, value: JSON.stringify(validated.value) });
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.creditPolicyChanged', entityType: 'policy', entityId: 'credit-policy', details: { ladders: Object.keys(validated.value.ladders).length, paymentTermsDays: validated.value.paymentTermsDays } });
  });
  return { errors: [] };
}
