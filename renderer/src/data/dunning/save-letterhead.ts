import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { validateLetterhead } from '../../letters/letterhead-schema';
import type { KredoDb } from '../db/kredo-db';
import { CREDITOR_KEY } from './creditor';

/**
 * Saves the company's letterhead when every field checks out; otherwise nothing is stored and each
 * problem comes back with its field. Letters already made keep the letterhead they were made with.
 */
export async function saveLetterhead(db: KredoDb, request: { readonly letterhead: unknown; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }> {
  const validated = validateLetterhead(request.letterhead);
  if (!validated.ok) return { errors: validated.errors };
  await db.transaction('rw', db.meta, db.audit, async () => {
    await db.meta.put({ key: CREDITOR_KEY, value: JSON.stringify(validated.value) });
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.letterheadChanged', entityType: 'policy', entityId: 'letterhead', details: { name: validated.value.name, iban: validated.value.iban } });
  });
  return { errors: [] };
}
