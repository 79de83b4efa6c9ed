import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { queueLimitRequest } from '../sync/queue-limit-request';
import { addNewCustomer, findKnownCompany, type NewCustomer } from './new-customer';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

const debtors = async (db: KredoDb) => (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
const summaries = async (db: KredoDb) => (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);

const prospect = (values: Partial<NewCustomer> = {}): NewCustomer => ({
  customerCode: 'N-0001', name: 'Nieuwe Klant B.V.', country: 'NL', currency: 'EUR', paymentTermsDays: 30, identifiers: [{ type: 'NL_KVK', value: '87654321' }], insurerBuyerId: 'CMP-999', address: { street: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam' }, grade: 4, sameCompanyConfirmed: false, ...values,
});

describe('a new customer', () => {
  it('already on the books under another number is found with what it owes, how late and its last dunning step', async () => {
    const db = await openDemoStore('new-customer-known', today);
    const owing = (await summaries(db)).find((summary) => summary.overdueMinor > 0)!;
    const debtor = (await debtors(db)).find((candidate) => candidate.id === owing.debtorId && candidate.identifiers.length > 0)
      ?? (await debtors(db)).find((candidate) => candidate.identifiers.length > 0)!;
    const summary = (await summaries(db)).find((candidate) => candidate.debtorId === debtor.id)!;
    await db.dunningActions.add({ id: 'act-1', debtorId: debtor.id, step: 'reminder-1', itemIds: [], plannedOn: today, doneOn: today, status: 'done', note: '' });

    const found = await findKnownCompany(db, [debtor.identifiers[0]!]);

    expect(found).toEqual([{ debtorId: debtor.id, customerCode: debtor.customerCode, name: debtor.name, currency: summary.currency, openMinor: summary.openMinor, overdueMinor: summary.overdueMinor, maxDaysOverdue: summary.maxDaysOverdue, dunningStep: 'reminder-1' }]);
    expect(await findKnownCompany(db, [{ type: 'NL_KVK', value: '87654321' }])).toEqual([]);
    db.close();
  });

  it('is created with what the insurer said, counted in the portfolio with nothing open, and can have a limit requested at once', async () => {
    const db = await openDemoStore('new-customer-created', today);
    const before = (await debtors(db)).length;
    const created = await addNewCustomer(db, { customer: prospect(), id: 'new-1', today, at, homeCurrency: 'EUR' });

    expect((await debtors(db)).length).toBe(before + 1);
    expect((await debtors(db)).find((debtor) => debtor.id === 'new-1')).toMatchObject({ customerCode: 'N-0001', name: 'Nieuwe Klant B.V.', language: 'nl', jurisdiction: 'NL', insurerBuyerId: 'CMP-999', identifiers: [{ type: 'NL_KVK', value: '87654321' }], address: { city: 'Amsterdam', country: 'NL' }, grade: { value: 4 }, createdOn: today });
    expect((await summaries(db)).find((summary) => summary.debtorId === created.id)).toMatchObject({ openMinor: 0, limitState: 'NONE' });
    expect(await db.audit.filter((entry) => entry.action === 'debtor.created' && entry.entityId === 'new-1').count()).toBe(1);
    // The existing limit-request path takes the new debtor: queued for the next sync.
    expect(await queueLimitRequest(db, { id: 'a1b2c3d4-0000-4000-8000-000000000001', at, debtorId: 'new-1', type: 'NEW', amountMinor: 2_500_000, currency: 'EUR' })).toMatchObject({ state: 'SUBMITTED_LOCAL', debtorId: 'new-1' });
    db.close();
  });

  it('is never a silent duplicate: a customer number in use is refused, and a company already a debtor only once confirmed', async () => {
    const db = await openDemoStore('new-customer-duplicate', today);
    const known = (await debtors(db)).find((debtor) => debtor.identifiers.length > 0)!;
    const before = (await debtors(db)).length;
    await expect(addNewCustomer(db, { customer: prospect({ customerCode: known.customerCode }), id: 'new-2', today, at, homeCurrency: 'EUR' })).rejects.toMatchObject({ code: 'debtor.customerCodeTaken' });
    const same = prospect({ identifiers: [known.identifiers[0]!] });
    await expect(addNewCustomer(db, { customer: same, id: 'new-3', today, at, homeCurrency: 'EUR' })).rejects.toMatchObject({ code: 'debtor.sameCompanyExists' });
    expect((await debtors(db)).length).toBe(before);
    await addNewCustomer(db, { customer: { ...same, sameCompanyConfirmed: true }, id: 'new-4', today, at, homeCurrency: 'EUR' });
    expect((await debtors(db)).length).toBe(before + 1);
    db.close();
  });
});
