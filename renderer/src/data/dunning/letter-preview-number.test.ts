import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { makeStatement, previewStatement } from '../statements/make-statement';
import { readDebtorLedger } from '../store/read-ledger';
import { nextLetterNumber } from './letter-number';
import { makeLetterDocument, previewLetterText } from './send-letter';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

/** Demo debtors in `country` with an overdue invoice in their currency, each a letter to make. */
async function overdue(db: KredoDb, country: string, count: number) {
  const found: { debtorId: string; itemIds: string[] }[] = [];
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.country !== country || found.length === count) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < '2026-10-20' && item.currency === debtor.currency);
      if (items.length > 0) found.push({ debtorId: debtor.id, itemIds: items.map((item) => item.id) });
    }
  }
  if (found.length < count) throw new Error(`not ${count} ${country} debtors with an overdue invoice`);
  return found;
}

/** Every betalingskenmerk-shaped number printed in a text (groups of four digits). */
const references = (text: string) => text.match(/\b\d{4}(?: \d{4}){3}\b/g) ?? [];

describe('a letter’s preview and the letter kept (issue 16: previewing gives no number away)', () => {
  it('says the reference is given when the letter is made, instead of a number another letter may take first', async () => {
    const db = await openDemoStore('preview-number-pending', today);
    const [first, second] = await overdue(db, 'NL', 2);
    const request = { debtorId: first!.debtorId, step: 'reminder-1' as const, itemIds: first!.itemIds, today, payBy: undefined, actionId: 'action-first' };
    const before = await nextLetterNumber(db);
    const preview = (await previewLetterText(db, request))!;
    expect(preview.referencePending).toBe(true);
    expect(preview.text).toContain('betalingskenmerk [volgt bij het maken van de brief]');
    expect(references(preview.text)).toEqual([]);
    expect(await nextLetterNumber(db)).toBe(before);

    // Another letter is made in between (a batch, another controller's click): it takes the next number.
    await makeLetterDocument(db, { debtorId: second!.debtorId, actionId: 'action-second', step: 'reminder-1', itemIds: second!.itemIds, today, payBy: undefined, at });
    const kept = (await makeLetterDocument(db, { ...request, at }))!;
    expect(kept.paymentReference).toMatch(/^\d{16}$/);
    db.close();
  });

  it('shows the very reference of a letter already given its number, as kept', async () => {
    const db = await openDemoStore('preview-number-given', today);
    const [debtor] = await overdue(db, 'NL', 1);
    const request = { debtorId: debtor!.debtorId, step: 'reminder-1' as const, itemIds: debtor!.itemIds, today, payBy: undefined, actionId: 'action-1' };
    // Processing stopped after the letter was made and its e-mail queued, before the step was stored.
    const kept = (await makeLetterDocument(db, { ...request, at }))!;
    const preview = (await previewLetterText(db, request))!;
    expect(preview.referencePending).toBe(false);
    expect(references(preview.text).map((printed) => printed.replace(/\s/g, ''))).toContain(kept.paymentReference);
    db.close();
  });

  it('previews a statement of account without a reference until it is made, then with the one it was given', async () => {
    const db = await openDemoStore('preview-number-statement', today);
    const [debtor] = await overdue(db, 'GB', 1);
    const before = await nextLetterNumber(db);
    const preview = (await previewStatement(db, { debtorId: debtor!.debtorId, today }))!;
    expect(preview.referencePending).toBe(true);
    expect(preview.content.info.map((entry) => entry.value)).toContain('[given when the statement is made]');
    expect(preview.content.info.some((entry) => /^RF\d\d/.test(entry.value))).toBe(false);
    expect(await nextLetterNumber(db)).toBe(before);

    const made = (await makeStatement(db, { debtorId: debtor!.debtorId, today, at }))!;
    const again = (await previewStatement(db, { debtorId: debtor!.debtorId, today }))!;
    expect(again.referencePending).toBe(false);
    expect(again.content.info.map((entry) => entry.value.replace(/\s/g, ''))).toContain(made.document.paymentReference);
    db.close();
  });
});
