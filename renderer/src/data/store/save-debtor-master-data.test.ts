import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { takeImportedMasterData } from '../../../../shared/domain/debtors/debtor-master-data';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { saveDebtorMasterData } from './save-debtor-master-data';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;
const debtorOf = async (db: KredoDb, id: string) => (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((debtor) => debtor.id === id)!;

describe('a debtor’s contacts and addresses', () => {
  it('are saved from the form, marked as edited by hand, and an import afterwards leaves them and says so', async () => {
    const db = await openDemoStore('master-data', today);
    const debtor = (await db.debtorChunks.toArray())[0]!.debtors[0]!;
    const data = {
      contacts: [{ title: 'mr', givenName: 'Jan', surname: 'Janssen', role: 'Crediteurenadministratie', email: 'jan@example.nl', phone: '+31 30 123 4567', isPrimary: true, receivesReminders: true }],
      address: { street: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'nl' },
      invoiceAddress: { street: 'Postbus 12', postalCode: '3500 AA', city: 'Utrecht', country: 'NL' },
    };
    expect((await saveDebtorMasterData(db, { debtorId: debtor.id, data, today, at, homeCurrency: 'EUR' })).errors).toEqual([]);
    const saved = await debtorOf(db, debtor.id);
    expect(saved).toMatchObject({ contacts: [{ name: 'Jan Janssen', title: 'mr', surname: 'Janssen', receivesReminders: true }], address: { country: 'NL' }, invoiceAddress: { street: 'Postbus 12' }, editedByHand: ['contacts', 'address', 'invoiceAddress'] });
    const imported = takeImportedMasterData(saved, { address: { street: 'Elders 2', postalCode: '1000 AA', city: 'Amsterdam', country: 'NL' }, contacts: [{ name: 'Piet', role: '', email: 'piet@example.nl', phone: '', isPrimary: false }] }, 'replace');
    expect(imported).toMatchObject({ taken: [], keptByHand: ['address', 'contacts'] });
    expect(imported.debtor).toBe(saved);
    db.close();
  });

  it('refuses a bad e-mail, an incomplete address and two reminder contacts, naming each field, and stores nothing', async () => {
    const db = await openDemoStore('master-data-refused', today);
    const debtor = (await db.debtorChunks.toArray())[0]!.debtors[0]!;
    const contact = { givenName: 'Jan', surname: 'Janssen', email: 'jan@example.nl', receivesReminders: true };
    const result = await saveDebtorMasterData(db, { debtorId: debtor.id, data: { contacts: [{ ...contact, email: 'jan(at)example' }, contact], address: { street: '', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' } }, today, at, homeCurrency: 'EUR' });
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([['contacts.0.email', 'emailInvalid'], ['address.street', 'required'], ['contacts', 'oneReminderContact']]);
    expect(await debtorOf(db, debtor.id)).toEqual(debtor);
    db.close();
  });

  it('an ERP export replaces what was not edited by hand, an e-invoice only fills what is missing', async () => {
    const db = await openDemoStore('master-data-import', today);
    const debtor = (await db.debtorChunks.toArray())[0]!.debtors[0]!;
    const address = { street: 'Nieuwe Weg 3', postalCode: '1234 AB', city: 'Zeist', country: 'NL' };
    expect(takeImportedMasterData(debtor, { address }, 'replace')).toMatchObject({ taken: ['address'], debtor: { address } });
    expect(takeImportedMasterData(debtor, { address }, 'fill')).toMatchObject({ taken: [], debtor: { address: debtor.address } });
    const bare = { ...debtor, address: undefined, contacts: [] };
    expect(takeImportedMasterData(bare, { address, contacts: [{ name: 'Jan', role: '', email: 'jan@x.nl', phone: '', isPrimary: true }] }, 'fill')).toMatchObject({ taken: ['address', 'contacts'] });
    db.close();
  });
});
