import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import { testItem, testLedger } from '../ledger/test-ledger';
import { agePortfolio } from './age-portfolio';
import { DEFAULT_AGEING } from './ageing-config';

// Three debtors in two chunks: a Dutch one owing €100 overdue 10 days, a Dutch one €50 not due, a Swede SEK 1,000 overdue 40 days.
const chunks = [
  encodeLedgerChunk(0, [
    testLedger('N1', [testItem('N1', '1', { invoiceDate: '2026-10-15', dueDate: '2026-11-14', amountMinor: 10_000 })]),
    testLedger('S1', [testItem('S1', '1', { invoiceDate: '2026-09-15', dueDate: '2026-10-15', amountMinor: 100_000, currency: 'SEK' })]),
  ], ['NL', 'SE']).numbers,
  encodeLedgerChunk(1, [testLedger('N2', [testItem('N2', '1', { invoiceDate: '2026-11-10', dueDate: '2026-12-10', amountMinor: 5_000 })])], ['NL']).numbers,
];
const asOf = toIsoDate('2026-11-24');

describe('agePortfolio', () => {
  it('ages the whole portfolio, currency by currency', () => {
    const { table, groups } = agePortfolio(chunks, { asOf, config: DEFAULT_AGEING, grouping: 'portfolio' });
    expect(groups).toEqual(['portfolio']);
    expect(table.buckets(0, 'EUR')).toEqual([5_000, 10_000, 0, 0, 0]);
    expect(table.buckets(0, 'SEK')).toEqual([0, 0, 100_000, 0, 0]);
  });

  it('ages per country across chunks', () => {
    const { table, groups } = agePortfolio(chunks, { asOf, config: DEFAULT_AGEING, grouping: 'country' });
    expect(groups).toEqual(['NL', 'SE']);
    expect(table.buckets(groups.indexOf('NL'), 'EUR')).toEqual([5_000, 10_000, 0, 0, 0]);
    expect(table.totalOpen(groups.indexOf('SE'), 'SEK')).toBe(100_000);
    expect(table.totalOpen(groups.indexOf('SE'), 'EUR')).toBe(0);
  });

  it('ages per debtor, as of an earlier date', () => {
    const { table, groups } = agePortfolio(chunks, { asOf: toIsoDate('2026-11-01'), config: DEFAULT_AGEING, grouping: 'debtor' });
    expect(groups).toEqual(['N1', 'S1', 'N2']);
    expect(table.buckets(0, 'EUR')).toEqual([10_000, 0, 0, 0, 0]);
    expect(table.buckets(1, 'SEK')).toEqual([0, 100_000, 0, 0, 0]);
    expect(table.totalOpen(2, 'EUR')).toBe(0); // not yet invoiced on 1 November
  });
});
