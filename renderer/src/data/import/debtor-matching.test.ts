import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedEInvoice } from '../../../../shared/import/e-invoice';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { openItem, runImport } from '../../../../tests/support/run-import';
import { KredoDb } from '../db/kredo-db';
import { readDebtorLedger } from '../store/read-ledger';

const today = toIsoDate('2026-11-24');
let db: KredoDb;
let stores = 0;
afterEach(() => db?.close());

function freshDb(): KredoDb {
  stores += 1;
  db = new KredoDb(`debtor-matching-${stores}`);
  return db;
}

const debtors = async (store: KredoDb) => (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);

/** The ERP's customer 1008, De Graaf Tuinbouw, with its VAT number in the export's VAT column. */
const ERP_EXPORT = [
  openItem('1008', '2026-0150', 121_000, { customerName: 'De Graaf Tuinbouw B.V.', vatNumber: 'NL 8130.86.188.B01' }),
  openItem('1009', '2026-0151', 50_000, { customerName: 'Mulder Transport B.V.' }),
];

/** A Peppol credit note for De Graaf whose buyer carries no customer number: only KvK (0106) and VAT. */
const CREDIT_NOTE: ParsedEInvoice = {
  kind: 'credit-note',
  record: openItem('NL813086188B01', 'CN-2026-009', -30_250, { customerName: 'De Graaf Tuinbouw B.V.', invoiceDate: toIsoDate('2026-11-22'), dueDate: toIsoDate('2026-11-22'), vatNumber: 'NL813086188B01', companyNumber: '69123456' }),
  buyer: {
    name: 'De Graaf Tuinbouw B.V.', country: 'NL', street: 'Kanaalweg 12', postalCode: '5911 AB', city: 'Venlo', email: '',
    partyIds: [{ scheme: '0106', value: '69123456' }, { scheme: 'VAT', value: 'NL813086188B01' }],
  },
};

describe('debtors matched across sources', () => {
  it('puts a UBL credit note whose buyer has only a VAT and KvK number on the debtor the ERP export created', async () => {
    const store = freshDb();
    await runImport(store, ERP_EXPORT, { today });
    const { preview, portfolio } = await runImport(store, [CREDIT_NOTE], { kind: 'e-invoice', today });

    expect(preview.openItems).toMatchObject({ newDebtors: { count: 0 }, newItems: { count: 1 }, matchedByIdentifier: { count: 1 }, conflicts: { count: 0 } });
    expect(preview.openItems?.matchedByIdentifier.sample[0]).toMatchObject({ customerCode: 'NL813086188B01', debtorCustomerCode: '1008', key: 'NL_VAT:NL813086188B01' });
    const all = await debtors(store);
    expect(all.map((debtor) => debtor.customerCode).sort()).toEqual(['1008', '1009']);
    const degraaf = all.find((debtor) => debtor.customerCode === '1008')!;
    // The KvK number the e-invoice brought is now known, so a later source with only that finds it too.
    expect(degraaf.identifiers).toEqual(expect.arrayContaining([{ type: 'NL_VAT', value: 'NL813086188B01' }, { type: 'NL_KVK', value: '69123456' }]));
    const ledger = await readDebtorLedger(store, degraaf.chunkId, degraaf.id);
    expect(ledger?.items.map((item) => [item.number, item.openMinor])).toEqual([['2026-0150', 121_000], ['CN-2026-009', -30_250]]);
    expect(portfolio).toMatchObject({ debtorCount: 2, openMinor: 171_000, creditsMinor: -30_250 });
  });

  it('says so in the preview when a customer code comes with another KvK number, and imports nothing for it', async () => {
    const store = freshDb();
    await runImport(store, ERP_EXPORT, { today });
    await runImport(store, [CREDIT_NOTE], { kind: 'e-invoice', today });
    const before = await store.ledgerTexts.toArray();

    const next = [openItem('1008', '2026-0160', 10_000, { customerName: 'De Graaf Tuinbouw B.V.', companyNumber: '1234 5678' }), openItem('1009', '2026-0161', 5_000)];
    const { preview } = await runImport(store, next, { today, commit: false });
    expect(preview.openItems).toMatchObject({ newItems: { count: 1 }, conflicts: { count: 1, totals: { EUR: 10_000 } } });
    expect(preview.openItems?.conflicts.sample[0]).toMatchObject({ customerCode: '1008', reason: 'identifierDiffers', key: 'NL_KVK:12345678', items: 1, debtors: [{ customerCode: '1008', debtorName: 'De Graaf Tuinbouw B.V.' }] });
    expect(await store.ledgerTexts.toArray()).toEqual(before);
  });

  it('makes one debtor of two customer codes of the same company in one export, and the second code finds it later', async () => {
    const store = freshDb();
    const both = [openItem('2001', 'A-1', 10_000, { vatNumber: 'SE556036079301', currency: 'SEK' }), openItem('2002', 'B-1', 20_000, { companyNumber: '556036-0793', currency: 'SEK' })];
    const first = await runImport(store, both, { today });
    expect(first.preview.openItems).toMatchObject({ newDebtors: { count: 1 }, newItems: { count: 2 }, matchedByIdentifier: { count: 1 } });
    const later = await runImport(store, [openItem('2002', 'B-2', 5_000, { currency: 'SEK' })], { today });
    expect(later.preview.openItems).toMatchObject({ newDebtors: { count: 0 }, newItems: { count: 1 } });
    const all = await debtors(store);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ customerCode: '2001', aliases: { customerCodes: ['2002'] } });
  });
});
