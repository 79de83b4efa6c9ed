import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../db/kredo-db';
import { DEMO_CREDITOR, loadCreditor } from './creditor';
import { saveLetterhead } from './save-letterhead';

const at = '2026-11-24T09:00:00Z';

describe('saving the letterhead', () => {
  it('keeps the checked letterhead for the next letters, and an audit line', async () => {
    const db = new KredoDb('save-letterhead');
    expect(await loadCreditor(db)).toEqual(DEMO_CREDITOR);
    const result = await saveLetterhead(db, { letterhead: { ...DEMO_CREDITOR, name: 'Noorderlicht Groothandel B.V.', iban: 'nl91 abna 0417 1643 00' }, at });
    expect(result.errors).toEqual([]);
    expect(await loadCreditor(db)).toEqual({ ...DEMO_CREDITOR, name: 'Noorderlicht Groothandel B.V.' });
    expect(await db.audit.filter((entry) => entry.action === 'policy.letterheadChanged').count()).toBe(1);
    db.close();
  });

  it('keeps the letterhead as it was when a field is wrong', async () => {
    const db = new KredoDb('save-letterhead-refused');
    const result = await saveLetterhead(db, { letterhead: { ...DEMO_CREDITOR, name: '', iban: 'NL92ABNA0417164300' }, at });
    expect(result.errors.map((error) => error.field)).toEqual(['name', 'iban']);
    expect(await loadCreditor(db)).toEqual(DEMO_CREDITOR);
    db.close();
  });
});
