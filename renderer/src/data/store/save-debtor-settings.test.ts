import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { saveDebtorSettings } from './save-debtor-settings';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

const debtorOf = async (db: KredoDb, id: string) => (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((debtor) => debtor.id === id)!;
const summaryOf = async (db: KredoDb, id: string) => (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === id)!;

describe('saving a debtor’s settings', () => {
  it('changes the country, language, law and segment, the figures keep their amounts, and the audit says what was before', async () => {
    const db = await openDemoStore('debtor-settings', today);
    const dutch = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((debtor) => debtor.jurisdiction === 'NL' && debtor.segment !== 'key-account')!;
    const before = await summaryOf(db, dutch.id);

    const result = await saveDebtorSettings(db, { debtorId: dutch.id, settings: { country: 'BE', language: 'en', jurisdiction: 'EU', segment: 'key account' }, today, at, homeCurrency: 'EUR' });
    expect(result.errors).toEqual([]);
    expect(await debtorOf(db, dutch.id)).toMatchObject({ name: dutch.name, country: 'BE', language: 'en', jurisdiction: 'EU', segment: 'key-account' });
    const after = await summaryOf(db, dutch.id);
    expect(after.country).toBe('BE');
    expect(after.openMinor).toBe(before.openMinor);
    const audit = await db.audit.where('[entityType+entityId]').equals(['debtor', dutch.id]).toArray();
    expect(audit.map((entry) => entry.details)).toContainEqual({ country: 'BE', countryBefore: 'NL', language: 'en', languageBefore: 'nl', jurisdiction: 'EU', jurisdictionBefore: 'NL', segment: 'key-account', segmentBefore: dutch.segment });
    db.close();
  });

  it('stores nothing when a field is wrong, and names the field', async () => {
    const db = await openDemoStore('debtor-settings-refused', today);
    const debtor = (await db.debtorChunks.toArray())[0]!.debtors[0]!;
    const result = await saveDebtorSettings(db, { debtorId: debtor.id, settings: { country: debtor.country, language: 'de', jurisdiction: 'XX', segment: '' }, today, at, homeCurrency: 'EUR' });
    expect(result.errors.map((error) => error.field)).toEqual(['language', 'jurisdiction']);
    expect(await debtorOf(db, debtor.id)).toEqual(debtor);
    // A segment the credit policy does not have cannot be typed in (issue 13, item 5).
    const typed = await saveDebtorSettings(db, { debtorId: debtor.id, settings: { country: debtor.country, language: debtor.language, jurisdiction: debtor.jurisdiction, segment: 'retail' }, today, at, homeCurrency: 'EUR' });
    expect(typed.errors.map((error) => [error.field, error.code])).toEqual([['segment', 'notInPolicy']]);
    expect(await debtorOf(db, debtor.id)).toEqual(debtor);
    expect(await db.audit.filter((entry) => entry.action === 'debtor.settingsChanged').count()).toBe(0);
    db.close();
  });
});
