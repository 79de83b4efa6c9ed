import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { toIsoDate } from '../../time/iso-date';
import { ageingBuckets, DEFAULT_AGEING } from '../ageing/ageing-config';
import { receivePayment } from '../ledger/allocate';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import { testItem, testLedger } from '../ledger/test-ledger';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { summarisePortfolio } from '../summaries/portfolio-summary';
import { summariseChunk } from '../summaries/summarise-chunk';
import { portfolioAsOf } from './portfolio-as-of';

const d = toIsoDate;

/*
 * Four debtors in two chunks, seen on Tuesday 24 November 2026:
 *   N1 (NL) €100.00 invoiced 15 Oct, due 14 Nov; €40.00 paid on 20 Nov        → €60.00 in 1–30
 *   S1 (SE) SEK 1,000.00 invoiced 15 Sep, due 15 Oct                          → 31–60
 *   N2 (NL) €50.00 invoiced 10 Nov, due 10 Dec; a €5.00 credit note unused    → not due
 *   G1 (GB) GBP 333.33 invoiced 2 Jul, due 1 Aug                              → > 90
 * Rates: on 1 Oct 1 EUR = 10.0000 SEK = 0.9000 GBP; from 2 Nov 1 EUR = 11.2000 SEK = 0.8750 GBP.
 */
const n1 = receivePayment(
  testLedger('N1', [testItem('N1', '1', { invoiceDate: '2026-10-15', dueDate: '2026-11-14', amountMinor: 10_000 })]),
  { id: 'P1', debtorId: 'N1', date: d('2026-11-20'), currency: 'EUR', amountMinor: 4_000, reference: '', remittance: '', counterpartyName: '', counterpartyIban: '' },
  { targetItemIds: ['N1|1'] },
);
const chunks = [
  encodeLedgerChunk(0, [n1, testLedger('S1', [testItem('S1', '1', { invoiceDate: '2026-09-15', dueDate: '2026-10-15', amountMinor: 100_000, currency: 'SEK' })])], ['NL', 'SE']).numbers,
  encodeLedgerChunk(1, [
    testLedger('N2', [
      testItem('N2', '1', { invoiceDate: '2026-11-10', dueDate: '2026-12-10', amountMinor: 5_000 }),
      testItem('N2', 'CN', { invoiceDate: '2026-11-12', dueDate: '2026-11-12', amountMinor: -500 }),
    ]),
    testLedger('G1', [testItem('G1', '1', { invoiceDate: '2026-07-02', dueDate: '2026-08-01', amountMinor: 33_333, currency: 'GBP' })]),
  ], ['NL', 'GB']).numbers,
];
const rates = new ExchangeRateTable([
  { date: d('2026-10-01'), base: 'EUR', quote: 'SEK', rate: '10.0000' },
  { date: d('2026-10-01'), base: 'EUR', quote: 'GBP', rate: '0.9000' },
  { date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11.2000' },
  { date: d('2026-11-02'), base: 'EUR', quote: 'GBP', rate: '0.8750' },
]);
const options = { config: DEFAULT_AGEING, rates, currency: 'EUR' };
const today = d('2026-11-24');

describe('portfolioAsOf', () => {
  it('ages today in the policy currency, converting at today’s rates', () => {
    const result = portfolioAsOf(chunks, { ...options, asOf: today });
    // SEK 1,000.00 / 11.20 = €89.2857… → €89.29; GBP 333.33 / 0.875 = €380.9485… → €380.95.
    expect(result.bucketsMinor).toEqual([5_000, 6_000, 8_929, 0, 38_095]);
    expect(result.byCountry).toEqual([
      { country: 'GB', bucketsMinor: [0, 0, 0, 0, 38_095] },
      { country: 'NL', bucketsMinor: [5_000, 6_000, 0, 0, 0] },
      { country: 'SE', bucketsMinor: [0, 0, 8_929, 0, 0] },
    ]);
    // Open €110.00 + €89.29 + €380.95 less the unused €5.00 credit note; sales in the 90 days: €150.00 + €89.29 − €5.00.
    expect(result.receivablesMinor).toBe(58_024 - 500);
    expect(result.sales90Minor).toBe(15_000 + 8_929 - 500);
    expect(result.dso).toBeCloseTo((57_524 / 23_429) * 90, 10);
    expect(result.unconvertedCurrencies).toEqual([]);
  });

  it('shows each invoice currency natively and converted, the converted rows adding up to the portfolio', () => {
    const result = portfolioAsOf(chunks, { ...options, asOf: today });
    expect(result.byCurrency).toEqual([
      { currency: 'GBP', nativeBucketsMinor: [0, 0, 0, 0, 33_333], bucketsMinor: [0, 0, 0, 0, 38_095] },
      { currency: 'EUR', nativeBucketsMinor: [5_000, 6_000, 0, 0, 0], bucketsMinor: [5_000, 6_000, 0, 0, 0] },
      { currency: 'SEK', nativeBucketsMinor: [0, 0, 100_000, 0, 0], bucketsMinor: [0, 0, 8_929, 0, 0] },
    ]);
    const summed = result.byCurrency.reduce((sum, row) => sum.map((value, bucket) => value + row.bucketsMinor![bucket]!), [0, 0, 0, 0, 0]);
    expect(summed).toEqual(result.bucketsMinor);
  });

  it('reconstructs a past month-end at that date’s rates: the later payment not yet in, later invoices not yet issued', () => {
    const result = portfolioAsOf(chunks, { ...options, asOf: d('2026-10-31') });
    // N1 not due (−14 days); S1 16 days late at 10.00 (SEK 1,000 = €100.00); G1 91 days late at 0.90 (€370.37); N2 not yet invoiced.
    expect(result.bucketsMinor).toEqual([10_000, 10_000, 0, 0, 37_037]);
    expect(result.byCurrency.map((row) => row.currency)).toEqual(['GBP', 'EUR', 'SEK']);
  });

  it('leaves out and names a currency that has no rate on the date', () => {
    const result = portfolioAsOf(chunks, { ...options, asOf: d('2026-09-30') });
    expect(result.unconvertedCurrencies).toEqual(['GBP', 'SEK']);
    expect(result.bucketsMinor).toEqual([0, 0, 0, 0, 0]);
    expect(result.byCurrency).toEqual([
      { currency: 'GBP', nativeBucketsMinor: [0, 0, 33_333, 0, 0], bucketsMinor: undefined }, // 60 days late
      { currency: 'SEK', nativeBucketsMinor: [100_000, 0, 0, 0, 0], bucketsMinor: undefined }, // due 15 Oct
    ]);
  });

  it('equals the stored portfolio summary to the cent on the summaries’ date', () => {
    const policy = { currency: 'EUR', insuredPercentageBp: 9000 } as InsurancePolicy;
    const context = { asOf: today, policy, rates, ageing: DEFAULT_AGEING, limitsOf: () => [] };
    const summary = summarisePortfolio(chunks.flatMap((chunk) => summariseChunk(chunk, context)), { asOf: today, currency: 'EUR', bucketCount: ageingBuckets(DEFAULT_AGEING).length });
    const result = portfolioAsOf(chunks, { ...options, asOf: today });
    expect(result.bucketsMinor).toEqual(summary.bucketsMinor);
    expect(Object.fromEntries(result.byCountry.map((row) => [row.country, row.bucketsMinor]))).toEqual(Object.fromEntries(summary.byCountry.map((row) => [row.key, row.bucketsMinor])));
    expect(result.sales90Minor).toBe(summary.sales90Minor);
    expect(result.dso).toBe(summary.dso);
    expect(Object.fromEntries(result.byCurrency.map((row) => [row.currency, row.nativeBucketsMinor.reduce((sum, amount) => sum + amount, 0)]))).toEqual(summary.openByCurrency);
  });
});
