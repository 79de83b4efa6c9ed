import { describe, expect, it } from 'vitest';
import { testItem, testLedger } from '../domain/ledger/test-ledger';
import { toIsoDate } from '../time/iso-date';
import { debtorFromImport, importedDebtorId, UNKNOWN_COUNTRY } from './debtor-from-import';
import type { OpenItemRecord } from './open-item-record';
import { closeMissingItems, diffOpenItems } from './plan-open-items';

const today = toIsoDate('2026-11-24');
const options = { today, paymentTermsDays: 30, isFullExport: true };

function record(invoiceNumber: string, openMinor: number, fields: Partial<OpenItemRecord> = {}): OpenItemRecord {
  return {
    row: 2, customerCode: '1001', customerName: 'Bakker Bouw B.V.', invoiceNumber, invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'),
    currency: 'EUR', openMinor, amountMinor: undefined, paymentReference: '', vatNumber: '', companyNumber: '', description: '', ...fields,
  };
}

// Kredo has: A €1,000.00 open, B €500.00 open, C €300.00 open, K credit note −€200.00.
const ledger = testLedger('D1', [
  testItem('D1', 'A', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 100_000 }),
  testItem('D1', 'B', { invoiceDate: '2026-09-15', dueDate: '2026-10-15', amountMinor: 50_000 }),
  testItem('D1', 'C', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: 30_000 }),
  testItem('D1', 'K', { invoiceDate: '2026-10-05', dueDate: '2026-10-05', amountMinor: -20_000 }),
]);

describe('diffOpenItems', () => {
  it('adds new invoices, settles what the ERP settled, shows differences and what the export left out', () => {
    const diff = diffOpenItems(ledger, [
      record('A', 100_000),
      record('B', 20_000),
      record('C', 45_000),
      record('N', 12_100, { amountMinor: 24_200, dueDate: undefined }),
      record('Z', 0),
    ], options);
    expect(diff.unchanged).toBe(1);
    expect(diff.settled).toEqual([{ itemId: 'D1|B', debtorId: 'D1', number: 'B', currency: 'EUR', fromMinor: 50_000, toMinor: 20_000 }]);
    expect(diff.differences).toEqual([expect.objectContaining({ number: 'C', fromMinor: 30_000, toMinor: 45_000, reason: 'erpHigher' })]);
    expect(diff.missing).toEqual([expect.objectContaining({ number: 'K', fromMinor: -20_000, toMinor: 0 })]);
    expect(diff.alreadySettled).toBe(1);
    // N: €242.00 invoiced, €121.00 still open; due 30 days after the invoice date.
    expect(diff.newItems).toEqual([expect.objectContaining({ id: 'D1|N', amountMinor: 24_200, openMinor: 12_100, dueDate: '2026-10-31', kind: 'invoice' })]);
    const open = Object.fromEntries(diff.ledger.items.map((item) => [item.number, item.openMinor]));
    expect(open).toEqual({ A: 100_000, B: 20_000, C: 30_000, K: -20_000, N: 12_100 });
    expect(closeMissingItems(diff.ledger, diff.missing, today).items.find((item) => item.number === 'K')?.openMinor).toBe(0);
  });

  it('changes nothing when the same export is imported again', () => {
    const records = [record('A', 60_000), record('B', 50_000), record('C', 30_000), record('K', -20_000), record('N', 9_900)];
    const first = diffOpenItems(ledger, records, options);
    const second = diffOpenItems(first.ledger, records, options);
    expect(second).toMatchObject({ newItems: [], settled: [], differences: [], missing: [], unchanged: 5 });
    expect(second.ledger).toBe(first.ledger);
  });

  it('treats a credit note used in the ERP as settled, and one in another currency as a difference', () => {
    const diff = diffOpenItems(ledger, [record('K', -5_000), record('A', 100_000, { currency: 'SEK' })], { ...options, isFullExport: false });
    expect(diff.settled.map((item) => [item.number, item.toMinor])).toEqual([['K', -5_000]]);
    expect(diff.differences.map((item) => [item.number, item.reason])).toEqual([['A', 'currency']]);
    expect(diff.missing).toEqual([]);
  });
});

describe('debtorFromImport', () => {
  it('takes the country from the VAT number, the language from the country and keeps valid identifiers', () => {
    const debtor = debtorFromImport(importedDebtorId('1001'), [record('A', 1, { vatNumber: 'NL004495445B01', companyNumber: '12345678', dueDate: toIsoDate('2026-10-15') })], today);
    expect(debtor).toMatchObject({ id: 'erp-1001', customerCode: '1001', name: 'Bakker Bouw B.V.', country: 'NL', language: 'nl', jurisdiction: 'NL', paymentTermsDays: 14, currency: 'EUR' });
    expect(debtor.identifiers.map((identifier) => identifier.type)).toContain('NL_VAT');
  });

  it('uses a single-country currency, and otherwise says the country is unknown', () => {
    expect(debtorFromImport('x', [record('A', 1, { currency: 'SEK' })], today)).toMatchObject({ country: 'SE', language: 'sv' });
    expect(debtorFromImport('x', [record('A', 1)], today)).toMatchObject({ country: UNKNOWN_COUNTRY, language: 'en' });
  });
});
