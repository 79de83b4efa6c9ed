import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../shared/import/normalise-customers';
import type { ParsedEInvoice } from '../../../../shared/import/e-invoice';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { openItem, runImport } from '../../../../tests/support/run-import';
import { KredoDb } from '../db/kredo-db';
import { saveDebtorMasterData } from '../store/save-debtor-master-data';

const today = toIsoDate('2026-11-24');
let db: KredoDb;
let stores = 0;
afterEach(() => db?.close());
const freshDb = () => (db = new KredoDb(`customer-import-${(stores += 1)}`));
const debtorWithCode = async (store: KredoDb, code: string) => (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((debtor) => debtor.customerCode === code)!;

const SMIT: CustomerRecord = {
  row: 2, customerCode: '1006', customerName: 'Smit Installatietechniek B.V.', vatNumber: '', companyNumber: '',
  address: { street: 'Industrieweg 14', postalCode: '3542 AD', city: 'Utrecht', country: 'NL' },
  contact: { name: 'Pieter Smit', title: 'mr', givenName: 'Pieter', surname: 'Smit', role: 'Crediteurenadministratie', email: 'p.smit@example.nl', phone: '', isPrimary: false },
};

describe('a customer export', () => {
  it('gives known debtors its contacts and addresses (the first contact receives reminders), places a debtor of unknown country, and lists customers Kredo does not have', async () => {
    const store = freshDb();
    await runImport(store, [openItem('1006', '2026-0106', 987_000, { customerName: 'Smit Installatietechniek B.V.' })], { today });
    expect(await debtorWithCode(store, '1006')).toMatchObject({ country: 'ZZ', contacts: [] });
    const { preview } = await runImport(store, [SMIT, { ...SMIT, row: 3, customerCode: '9999', customerName: 'Nobody B.V.' }], { kind: 'customers', today });
    expect(preview.customers).toMatchObject({ updated: { count: 1 }, notFound: { count: 1, sample: [{ customerCode: '9999' }] }, keptByHand: { count: 0 } });
    const smit = await debtorWithCode(store, '1006');
    expect(smit).toMatchObject({ country: 'NL', language: 'nl', jurisdiction: 'NL', address: SMIT.address, contacts: [{ ...SMIT.contact, receivesReminders: true }] });
    expect(smit.editedByHand).toBeUndefined();
    const audit = await store.audit.filter((entry) => entry.action === 'debtor.masterDataImported').toArray();
    expect(audit.map((entry) => [entry.entityId, entry.details['fields']])).toEqual([[smit.id, 'address,contacts']]);
    // The same file again changes nothing.
    const again = await runImport(store, [SMIT], { kind: 'customers', today });
    expect(again.preview).toMatchObject({ hasChanges: false, customers: { unchanged: 1 } });
  });

  it('never overwrites what the controller edited by hand, and says what it left', async () => {
    const store = freshDb();
    await runImport(store, [openItem('1006', '2026-0106', 987_000)], { today });
    const smit = await debtorWithCode(store, '1006');
    await saveDebtorMasterData(store, { debtorId: smit.id, data: { contacts: [{ givenName: 'Anna', surname: 'de Vries', email: 'anna@example.nl', receivesReminders: true }] }, today, at: `${today}T09:00:00Z`, homeCurrency: 'EUR' });
    const { preview } = await runImport(store, [SMIT], { kind: 'customers', today });
    expect(preview.customers).toMatchObject({ updated: { count: 1 }, keptByHand: { count: 1, sample: [{ customerCode: '1006', fields: ['contacts'] }] } });
    const after = await debtorWithCode(store, '1006');
    expect(after.contacts.map((contact) => contact.name)).toEqual(['Anna de Vries']);
    expect(after.address).toEqual(SMIT.address);
  });

  it('takes an e-invoice buyer’s contact and address for a debtor that has none', async () => {
    const store = freshDb();
    await runImport(store, [openItem('1008', '2026-0150', 121_000, { customerName: 'De Graaf Tuinbouw B.V.' })], { today });
    const eInvoice: ParsedEInvoice = {
      kind: 'invoice',
      record: openItem('1008', 'F-2026-77', 30_250, { customerName: 'De Graaf Tuinbouw B.V.' }),
      buyer: { name: 'De Graaf Tuinbouw B.V.', country: 'NL', street: 'Kanaalweg 12', postalCode: '5911 AB', city: 'Venlo', email: 'crediteuren@degraaf.example', contactName: 'Jan Janssen', phone: '+31 77 123 4567', partyIds: [] },
    };
    await runImport(store, [eInvoice], { kind: 'e-invoice', today });
    expect(await debtorWithCode(store, '1008')).toMatchObject({
      address: { street: 'Kanaalweg 12', postalCode: '5911 AB', city: 'Venlo', country: 'NL' },
      contacts: [{ name: 'Jan Janssen', email: 'crediteuren@degraaf.example', phone: '+31 77 123 4567' }],
    });
  });
});
