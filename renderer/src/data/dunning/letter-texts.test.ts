import 'fake-indexeddb/auto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { base64ToBytes } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';
import { readDebtorLedger } from '../store/read-ledger';
import { letterTextHistory, saveLetterTexts } from './letter-texts';
import { makeLetterDocument } from './send-letter';

const today = '2026-11-24' as IsoDate;
const at = (hour: number): string => `${today}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Demo debtors who read Dutch, each with an overdue invoice in its currency. */
async function dutchDebtors(db: KredoDb, count: number) {
  const found: { debtorId: string; name: string; itemIds: string[] }[] = [];
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.language !== 'nl' || found.length === count) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < '2026-10-20' && item.currency === debtor.currency);
      if (items.length > 0) found.push({ debtorId: debtor.id, name: debtor.name, itemIds: items.map((item) => item.id) });
    }
  }
  return found;
}

async function pdfText(base64: string): Promise<string> {
  const pdf = await getDocument({ data: base64ToBytes(base64) }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}

describe('editable letter texts (issue 16, item 4)', () => {
  it('word the next Dutch letter with the saved opening, record the version each letter used, and leave an earlier letter as it was', async () => {
    const db = await openDemoStore('letter-texts', today);
    const [first, second, third] = await dutchDebtors(db, 3);
    const letter = async (debtor: typeof first, id: string) => (await makeLetterDocument(db, { debtorId: debtor!.debtorId, actionId: id, step: 'reminder-1', itemIds: debtor!.itemIds, today, payBy: undefined, at: at(9) }))!;

    const before = await letter(first, 'a-1');
    expect(before.textVersion).toBe(0);
    expect(await pdfText(before.pdfBase64)).toContain('Volgens onze administratie');

    await saveLetterTexts(db, { language: 'nl', step: 'reminder-1', texts: { opening: 'Wij missen nog een betaling van {debtorName}.' }, at: at(10) });
    const after = await letter(second, 'a-2');
    expect(after.textVersion).toBe(1);
    const text = await pdfText(after.pdfBase64);
    expect(text).toContain(`Wij missen nog een betaling van ${second!.name}.`);
    expect(text).not.toContain('Volgens onze administratie');
    expect(after.mailMessage?.text).toContain(`Wij missen nog een betaling van ${second!.name}.`);

    // A reset to Kredo's wording is a version of its own; the history shows both, newest first.
    await saveLetterTexts(db, { language: 'nl', step: 'reminder-1', texts: {}, at: at(11) });
    expect((await letterTextHistory(db, { language: 'nl', step: 'reminder-1' })).map((row) => [row.version, row.texts])).toEqual([[2, {}], [1, { opening: 'Wij missen nog een betaling van {debtorName}.' }]]);
    const reset = await letter(third, 'a-3');
    expect(reset.textVersion).toBe(2);
    expect(await pdfText(reset.pdfBase64)).toContain('Volgens onze administratie');
    db.close();
  });

  it('refuses a text naming an unknown placeholder and stores nothing', async () => {
    const db = await openDemoStore('letter-texts-refused', today);
    const refused = saveLetterTexts(db, { language: 'nl', step: 'reminder-2', texts: { salutation: 'Beste {contactNaam},' }, at: at(9) });
    await expect(refused).rejects.toBeInstanceOf(KredoError);
    await expect(refused).rejects.toMatchObject({ code: 'dunning.unknownPlaceholder', params: { placeholder: '{contactNaam}' } });
    expect(await db.letterTexts.count()).toBe(0);
    db.close();
  });
});
