import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { fromHeaderValue, splitPart } from '../../letters/mime-decoding.test-support';
import { buildLetterContent } from '../../letters/letter-content';
import { letterTranslator } from '../../letters/letter-translator';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';
import { readDebtorLedger } from '../store/read-ledger';
import { DEMO_CREDITOR } from './creditor';
import { letterInputFor } from './letter-input';
import { makeLetterDocument } from './send-letter';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

/** A demo debtor of the given law with overdue invoices, and those invoices. */
async function overdue(db: KredoDb, jurisdiction: string) {
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.jurisdiction !== jurisdiction) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < '2026-10-20' && item.currency === debtor.currency);
      if (items.length > 0) return { debtor, ledger, itemIds: items.map((item) => item.id) };
    }
  }
  throw new Error(`no overdue ${jurisdiction} debtor`);
}

async function changeDebtor(db: KredoDb, debtor: Debtor, change: Partial<Debtor>) {
  await db.transaction('rw', REWRITTEN_TABLES.map((name) => db.table(name)), async () => {
    const index = await loadStoreIndex(db);
    const editor = new ChunkEditor(db, index);
    await editor.setDebtor({ ...index.byId.get(debtor.id)!, ...change });
    await rewriteChunks(db, editor.updates(), { today, homeCurrency: 'EUR' });
  });
}

const fairbairn = { name: 'Fred Fairbairn', title: 'mr' as const, givenName: 'Fred', surname: 'Fairbairn', role: 'Accounts payable', email: 'fred.fairbairn@example.co.uk', phone: '', isPrimary: false, receivesReminders: true };

describe('who a letter goes to', () => {
  it('addresses the reminder contact at the invoice address, greets by title and surname, and mails the draft to that contact', async () => {
    const db = await openDemoStore('letter-recipient', today);
    const { debtor, itemIds } = await overdue(db, 'GB');
    await changeDebtor(db, debtor, {
      contacts: [...debtor.contacts, fairbairn],
      invoiceAddress: { street: '12 Mill Lane', postalCode: 'LS1 4AB', city: 'Leeds', country: 'GB' },
    });
    const document = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a1', step: 'reminder-1', itemIds, today, payBy: undefined, at }))!;
    expect(fromHeaderValue(splitPart(document.eml!).headers.get('to')!)).toBe('"Fred Fairbairn" <fred.fairbairn@example.co.uk>');
    const ledger = (await readDebtorLedger(db, debtor.chunkId, debtor.id))!;
    const stored = (await loadStoreIndex(db)).byId.get(debtor.id)!;
    const content = buildLetterContent(letterInputFor({ debtor: stored, ledger, itemIds, step: 'reminder-1', today, payBy: '2026-12-08' as IsoDate, creditor: DEMO_CREDITOR, letterNumber: 1 }), letterTranslator(stored.language));
    expect(content.recipient).toEqual([stored.name, 'FAO Fred Fairbairn', '12 Mill Lane', 'LEEDS', 'LS1 4AB', 'UNITED KINGDOM']);
    expect(content.salutation).toBe('Dear Mr Fairbairn,');
    expect(document.eml).not.toContain('no-address@');
    db.close();
  });

  it('greets a Dutch contact with heer and surname, and a Swedish one by first name', async () => {
    const db = await openDemoStore('letter-salutation', today);
    for (const [jurisdiction, contact, greeting] of [
      ['NL', { name: 'Jan Janssen', title: 'mr' as const, givenName: 'Jan', surname: 'Janssen' }, 'Geachte heer Janssen,'],
      ['NL', { name: 'Anna de Vries', title: 'ms' as const }, 'Geachte mevrouw De Vries,'],
      ['SE', { name: 'Märta Öberg', title: 'ms' as const, givenName: 'Märta', surname: 'Öberg' }, 'Hej Märta,'],
    ] as const) {
      const { debtor, ledger, itemIds } = await overdue(db, jurisdiction);
      const withContact: Debtor = { ...debtor, contacts: [{ role: '', email: 'ap@example.com', phone: '', isPrimary: false, receivesReminders: true, ...contact }] };
      const content = buildLetterContent(letterInputFor({ debtor: withContact, ledger, itemIds, step: 'reminder-1', today, payBy: '2026-12-08' as IsoDate, creditor: DEMO_CREDITOR, letterNumber: 1 }), letterTranslator(debtor.language));
      expect(content.salutation).toBe(greeting);
    }
    db.close();
  });

  it('makes no letter for a debtor without a usable address or e-mail, and never a placeholder recipient', async () => {
    const db = await openDemoStore('letter-unreachable', today);
    const { debtor, itemIds } = await overdue(db, 'NL');
    await changeDebtor(db, debtor, { contacts: [{ name: 'Jan Janssen', role: '', email: '', phone: '', isPrimary: true }], address: { street: '', postalCode: '', city: 'Utrecht', country: 'NL' } });
    await expect(makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a2', step: 'reminder-1', itemIds, today, payBy: undefined, at })).rejects.toMatchObject({ code: 'dunning.noLetterAddress' });
    // With an address but no e-mail: the PDF is made, and no e-mail draft at all.
    await changeDebtor(db, debtor, { address: { street: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' } });
    const document = (await makeLetterDocument(db, { debtorId: debtor.id, actionId: 'a3', step: 'reminder-1', itemIds, today, payBy: undefined, at }))!;
    expect(document.pdfBase64.length).toBeGreaterThan(0);
    expect(document.eml).toBeUndefined();
    db.close();
  });
});
