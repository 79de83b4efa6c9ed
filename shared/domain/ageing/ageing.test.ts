import { describe, expect, it } from 'vitest';
import { toDayNumber, toIsoDate } from '../../time/iso-date';
import { receivePayment } from '../ledger/allocate';
import { decodeLedgerChunk, encodeLedgerChunk } from '../ledger/ledger-chunk';
import type { DebtorLedger } from '../ledger/ledger-types';
import { testItem, testLedger } from '../ledger/test-ledger';
import { ageChunk } from './age-chunk';
import { ageingBuckets, DEFAULT_AGEING, DEFAULT_INVOICE_DATE_AGEING } from './ageing-config';
import { AgeingTable } from './ageing-table';

/*
 * A hand-checked ledger, as of Tuesday 24 November 2026 (days past due in brackets):
 *   A €1,000 due 30 Nov (−6: not due)        E €400 due 25 Oct (30: 1–30, the boundary)
 *   B   €500 due 10 Nov (14: 1–30)           F €100 due 24 Oct (31: 31–60)
 *   C   €300 due 20 Sep (65: 61–90)          G  €50 due 24 Nov (0: not due), disputed
 *   D   €200 due  1 Jul (146: > 90)          H €700 due 1 Nov, paid 20 Nov by P1 (€950: €250 unapplied)
 *   CN  −€150 credit note, unused
 */
function sampleLedger(): DebtorLedger {
  const d = 'D1';
  const ledger = testLedger(d, [
    testItem(d, 'A', { invoiceDate: '2026-10-31', dueDate: '2026-11-30', amountMinor: 100_000 }),
    testItem(d, 'B', { invoiceDate: '2026-10-11', dueDate: '2026-11-10', amountMinor: 50_000 }),
    testItem(d, 'C', { invoiceDate: '2026-08-21', dueDate: '2026-09-20', amountMinor: 30_000 }),
    testItem(d, 'D', { invoiceDate: '2026-06-01', dueDate: '2026-07-01', amountMinor: 20_000 }),
    testItem(d, 'E', { invoiceDate: '2026-09-25', dueDate: '2026-10-25', amountMinor: 40_000 }),
    testItem(d, 'F', { invoiceDate: '2026-09-24', dueDate: '2026-10-24', amountMinor: 10_000 }),
    testItem(d, 'G', { invoiceDate: '2026-10-25', dueDate: '2026-11-24', amountMinor: 5_000, dispute: { reason: 'price', since: toIsoDate('2026-11-20') } }),
    testItem(d, 'H', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: 70_000 }),
    testItem(d, 'CN', { invoiceDate: '2026-11-02', dueDate: '2026-11-02', amountMinor: -15_000 }),
  ]);
  return receivePayment(
    ledger,
    { id: 'P1', debtorId: d, date: toIsoDate('2026-11-20'), currency: 'EUR', amountMinor: 95_000, reference: '', remittance: 'H', counterpartyName: '', counterpartyIban: '' },
    { targetItemIds: ['D1|H'] },
  );
}

function age(asOf: string, config = DEFAULT_AGEING) {
  const { numbers } = encodeLedgerChunk(0, [sampleLedger()], ['NL']);
  const table = new AgeingTable(1, ['EUR'], ageingBuckets(config).length);
  ageChunk(numbers, toDayNumber(toIsoDate(asOf)), config, { groupOfSlot: Int32Array.of(0), tableCurrencyOf: Int32Array.of(0) }, table);
  return table;
}

describe('ageing by due date', () => {
  it('puts every invoice in its bucket with inclusive boundaries', () => {
    const table = age('2026-11-24');
    //                               not due         1–30           31–60   61–90   > 90
    expect(table.buckets(0, 'EUR')).toEqual([105_000, 90_000, 10_000, 30_000, 20_000]);
    expect(table.totalOpen(0, 'EUR')).toBe(255_000);
  });

  it('keeps unused credit, unapplied cash and disputes apart, and nets them per customer', () => {
    const table = age('2026-11-24');
    expect(table.extra(0, 'EUR', 'credits')).toBe(-15_000);
    expect(table.extra(0, 'EUR', 'unappliedCash')).toBe(25_000);
    expect(table.extra(0, 'EUR', 'disputed')).toBe(5_000);
    expect(table.net(0, 'EUR')).toBe(255_000 - 15_000 - 25_000);
  });

  it('reconstructs a past date: the invoice paid on 20 November was still open, the payment not yet in', () => {
    const table = age('2026-11-15');
    // 15 Nov: A, G not due; B (5), H (14) in 1–30; E (21) too; F (22) in 1–30; C (56) 31–60; D (137) > 90.
    expect(table.buckets(0, 'EUR')).toEqual([105_000, 170_000, 30_000, 0, 20_000]);
    expect(table.extra(0, 'EUR', 'unappliedCash')).toBe(0);
    expect(table.extra(0, 'EUR', 'credits')).toBe(-15_000);
  });

  it('leaves out invoices not yet issued on the date', () => {
    // 1 Oct: only C (11 days late), D (92 days late), E and F (issued 24/25 Sep, not due) exist.
    expect(age('2026-10-01').buckets(0, 'EUR')).toEqual([50_000, 30_000, 0, 0, 20_000]);
  });
});

describe('ageing by invoice date', () => {
  it('counts from the invoice date into 0–30, 31–60, 61–90 and older', () => {
    // Ages on 24 Nov: A 24, B 44, C 95, D 176, E 60, F 61, G 30.
    expect(age('2026-11-24', DEFAULT_INVOICE_DATE_AGEING).buckets(0, 'EUR')).toEqual([105_000, 90_000, 10_000, 50_000]);
  });
});

describe('ageingBuckets', () => {
  it('describes the default buckets', () => {
    expect(ageingBuckets(DEFAULT_AGEING)).toEqual([
      { fromDays: undefined, toDays: 0, isNotDue: true },
      { fromDays: 1, toDays: 30, isNotDue: false },
      { fromDays: 31, toDays: 60, isNotDue: false },
      { fromDays: 61, toDays: 90, isNotDue: false },
      { fromDays: 91, toDays: undefined, isNotDue: false },
    ]);
  });

  it('accepts configured boundaries and refuses nonsense', () => {
    expect(ageingBuckets({ basis: 'due-date', boundaries: [0, 15, 30, 60, 90, 120] })).toHaveLength(7);
    expect(() => ageingBuckets({ basis: 'due-date', boundaries: [30, 30] })).toThrow(RangeError);
    expect(() => ageingBuckets({ basis: 'due-date', boundaries: [] })).toThrow(RangeError);
  });
});

describe('ledger chunk encoding', () => {
  it('gives back exactly the ledgers it was given', () => {
    const ledgers = [sampleLedger(), testLedger('D2', [testItem('D2', '7', { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountMinor: 123, currency: 'SEK' })])];
    const chunk = encodeLedgerChunk(3, ledgers, ['NL', 'SE']);
    expect(decodeLedgerChunk(chunk)).toEqual(ledgers);
    expect(decodeLedgerChunk(chunk, new Set(['D2']))).toEqual([ledgers[1]]);
    expect(chunk.numbers.currencies).toEqual(['EUR', 'SEK']);
    expect(chunk.numbers.debtorCountries).toEqual(['NL', 'SE']);
  });
});
