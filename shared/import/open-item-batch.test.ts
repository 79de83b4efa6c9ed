import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../time/iso-date';
import { decodeOpenItemBatch, encodeOpenItemBatch } from './open-item-batch';
import type { ImportedOpenItem } from './open-item-record';

const item = (customerCode: string, invoiceNumber: string, fields: Partial<ImportedOpenItem> = {}): ImportedOpenItem => ({
  customerCode, customerName: `Klant ${customerCode}`, vatNumber: '', companyNumber: '', invoiceNumber, invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'),
  currency: 'EUR', openMinor: 12_345, amountMinor: undefined, paymentReference: '', ...fields,
});

describe('open-items batches', () => {
  // A customer's name and numbers are taken from its first row in the batch, as exports repeat them on every row.
  it('carry every field the store needs, with customers and currencies written once', () => {
    const records = [
      item('1001', 'A', { vatNumber: 'NL004495445B01', amountMinor: 20_000, paymentReference: '5000056789012345' }),
      item('1001', 'B', { vatNumber: 'NL004495445B01', dueDate: undefined, openMinor: -500 }),
      item('1002', 'C', { currency: 'SEK', invoiceDate: toIsoDate('2024-02-29') }),
    ];
    const batch = encodeOpenItemBatch(records);
    expect(batch.customers).toHaveLength(2);
    expect(batch.currencies).toEqual(['EUR', 'SEK']);
    expect(decodeOpenItemBatch(JSON.parse(JSON.stringify(batch)))).toEqual(records);
  });

  it('keeps columns in step when a field holds the separator (a hostile file)', () => {
    const decoded = decodeOpenItemBatch(encodeOpenItemBatch([item('1', 'A\u0001B'), item('1', 'C')]));
    expect(decoded.map((record) => record.invoiceNumber)).toEqual(['AB', 'C']);
  });

  it('refuses a batch in a format it does not know', () => {
    expect(() => decodeOpenItemBatch({ ...encodeOpenItemBatch([]), format: 'other' as never })).toThrow(RangeError);
  });
});
