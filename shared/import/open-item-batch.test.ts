import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../time/iso-date';
import { decodeOpenItemBatch, encodeOpenItemBatch, packOpenItemBatch, unpackOpenItemBatch } from './open-item-batch';
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

  // The import worker hands batches over as bytes (typed columns), not JSON of a million numbers.
  it('come through packed as typed columns whole, and a cut or foreign buffer is refused', () => {
    const records = [
      item('1001', 'Å-1', { customerName: 'Bäcker & Söner', amountMinor: 20_000, paymentReference: 'RF18 5390 0754 7034' }),
      item('1001', 'B', { customerName: 'Bäcker & Söner', dueDate: undefined, openMinor: -500, amountMinor: 0 }),
      item('1002', 'C', { currency: 'SEK', openMinor: 9_007_199_254_740_991 }),
    ];
    const encode = (text: string) => new TextEncoder().encode(text);
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const packed = packOpenItemBatch(encodeOpenItemBatch(records), encode);
    expect(decodeOpenItemBatch(unpackOpenItemBatch(packed, decode))).toEqual(records);
    // A view at an odd offset (a slice of a larger buffer) reads the same.
    const shifted = new Uint8Array(packed.length + 3);
    shifted.set(packed, 3);
    expect(decodeOpenItemBatch(unpackOpenItemBatch(shifted.subarray(3), decode))).toEqual(records);
    expect(() => unpackOpenItemBatch(packed.subarray(0, packed.length - 1), decode)).toThrow(RangeError);
    expect(() => unpackOpenItemBatch(encode(JSON.stringify(encodeOpenItemBatch(records))), decode)).toThrow(RangeError);
  });

  // Issue 14: JSON wrote each separator between a tier-L batch's invoice numbers and references as "\u0001",
  // a sixth of the bytes to be zipped, sent and parsed again; the text columns now travel as they are.
  it('carry their text columns as UTF-8 as they are, one byte per separator', () => {
    const records = Array.from({ length: 50 }, (_unused, index) => item(String(1000 + (index % 3)), `F-${index}`, { paymentReference: index % 2 ? `RF18${index}` : '' }));
    const batch = encodeOpenItemBatch(records);
    const encode = (text: string) => new TextEncoder().encode(text);
    const textBytes = encode(batch.invoiceNumber).length + encode(batch.reference).length + encode(JSON.stringify({ customers: batch.customers, currencies: batch.currencies })).length;
    const packed = packOpenItemBatch(batch, encode);
    // Beside the text: the numbers (29 bytes a row), a prefix of lengths and at most 7 bytes of alignment.
    expect(packed.length - records.length * 29 - textBytes).toBeLessThanOrEqual(20 + 7);
    expect(decodeOpenItemBatch(unpackOpenItemBatch(packed, (bytes) => new TextDecoder().decode(bytes)))).toEqual(records);
    // A text UTF-8 cannot keep (a lone surrogate) comes through as it was all the same.
    const odd = [item('1001', 'F-\ud800', { paymentReference: '\udfff😀' }), item('1001', 'F-2')];
    expect(decodeOpenItemBatch(unpackOpenItemBatch(packOpenItemBatch(encodeOpenItemBatch(odd), encode), (bytes) => new TextDecoder().decode(bytes)))).toEqual(odd);
  });

  it('refuses a batch in a format it does not know', () => {
    expect(() => decodeOpenItemBatch({ ...encodeOpenItemBatch([]), format: 'other' as never })).toThrow(RangeError);
  });
});
