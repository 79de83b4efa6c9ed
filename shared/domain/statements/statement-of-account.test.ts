import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import type { DebtorLedger, LedgerPayment } from '../ledger/ledger-types';
import type { DunningAction } from '../dunning/dunning-action';
import { statementCosts, statementOfAccount } from './statement-of-account';

const day = toIsoDate;
const payment = (id: string, date: string, amountMinor: number, currency = 'GBP', unappliedMinor = 0): LedgerPayment => ({ id, debtorId: 'd1', date: day(date), currency, amountMinor, unappliedMinor, reference: `REF-${id}`, remittance: '', counterpartyName: '', counterpartyIban: '' });

/** A British debtor: three open invoices in GBP, one settled, one credit note, payments before and after the last statement. */
function britishLedger(): DebtorLedger {
  return {
    ...testLedger('d1', [
      testItem('d1', 'INV-1', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 120_000, openMinor: 45_050, currency: 'GBP' }),
      testItem('d1', 'INV-2', { invoiceDate: '2026-10-20', dueDate: '2026-11-19', amountMinor: 30_001, currency: 'GBP' }),
      testItem('d1', 'INV-3', { invoiceDate: '2026-11-25', dueDate: '2026-12-25', amountMinor: 99_999, currency: 'GBP' }),
      testItem('d1', 'INV-0', { invoiceDate: '2026-08-01', dueDate: '2026-08-31', amountMinor: 10_000, openMinor: 0, currency: 'GBP' }),
      testItem('d1', 'CN-1', { invoiceDate: '2026-11-01', dueDate: '2026-11-01', amountMinor: -2_500, currency: 'GBP' }),
    ]),
    payments: [payment('p1', '2026-10-15', 10_000), payment('p2', '2026-11-10', 74_950), payment('p3', '2026-12-01', 1_234, 'GBP', 1_234)],
  };
}

const noRates = new ExchangeRateTable([]);

describe('statementOfAccount', () => {
  it('lists the open items with their ageing bucket and totals to the penny, credit notes and unapplied cash set against them', () => {
    const statement = statementOfAccount({ ledger: britishLedger(), jurisdiction: 'GB', asOf: day('2026-12-07'), policyCurrency: 'GBP', exchangeRates: noRates, withInterest: false });
    expect(statement.blocks).toHaveLength(1);
    const block = statement.blocks[0]!;
    expect(block.currency).toBe('GBP');
    // Settled INV-0 is not listed; the credit note is, oldest due date first.
    expect(block.items.map((item) => [item.number, item.openMinor, item.daysOverdue, item.bucket])).toEqual([
      ['INV-1', 45_050, 67, 3],
      ['CN-1', -2_500, 36, undefined],
      ['INV-2', 30_001, 18, 1],
      ['INV-3', 99_999, 0, 0],
    ]);
    // not due, 1–30, 31–60, 61–90, > 90
    expect(block.bucketsMinor).toEqual([99_999, 30_001, 0, 45_050, 0]);
    expect(block.openInvoicesMinor).toBe(175_050);
    expect(block.creditsMinor).toBe(-2_500);
    expect(block.unappliedMinor).toBe(1_234);
    expect(block.balanceMinor).toBe(175_050 - 2_500 - 1_234);
    expect(block.totalDueMinor).toBe(171_316);
    expect(statement.policyTotal).toEqual({ currency: 'GBP', amountMinor: 171_316, missing: [] });
  });

  it('shows statutory interest and costs apart from the principal, on overdue invoices in the law’s currency only', () => {
    const statement = statementOfAccount({
      ledger: britishLedger(),
      jurisdiction: 'GB',
      asOf: day('2026-12-07'),
      policyCurrency: 'GBP',
      exchangeRates: noRates,
      costs: [{ itemId: 'd1|INV-1', code: 'GB_FIXED_SUM', currency: 'GBP', amountMinor: 4_000 }],
    });
    const block = statement.blocks[0]!;
    const interest = Object.fromEntries(block.items.map((item) => [item.number, item.interestMinor]));
    expect(interest['INV-3']).toBe(0);
    expect(interest['CN-1']).toBe(0);
    expect(interest['INV-1']).toBeGreaterThan(0);
    expect(interest['INV-2']).toBeGreaterThan(0);
    expect(block.interestMinor).toBe(interest['INV-1']! + interest['INV-2']!);
    expect(block.costsMinor).toBe(4_000);
    expect(block.totalDueMinor).toBe(block.balanceMinor + block.interestMinor + 4_000);
  });

  it('lists the payments received since the last statement, and without one those of the period asked for', () => {
    const since = statementOfAccount({ ledger: britishLedger(), jurisdiction: 'GB', asOf: day('2026-12-07'), since: day('2026-11-10'), policyCurrency: 'GBP', exchangeRates: noRates });
    // A payment on the last statement's own day was on that statement.
    expect(since.payments.map((entry) => [entry.date, entry.amountMinor, entry.reference])).toEqual([['2026-12-01', 1_234, 'REF-p3']]);
    expect(since.paymentsTotals).toEqual([{ currency: 'GBP', amountMinor: 1_234 }]);
    const earlier = statementOfAccount({ ledger: britishLedger(), jurisdiction: 'GB', asOf: day('2026-12-07'), since: day('2026-10-31'), policyCurrency: 'GBP', exchangeRates: noRates });
    expect(earlier.payments.map((entry) => entry.amountMinor)).toEqual([74_950, 1_234]);
    expect(earlier.paymentsTotals).toEqual([{ currency: 'GBP', amountMinor: 76_184 }]);
  });

  it('keeps each currency apart and converts the policy total, naming a currency without a rate instead of counting it as zero', () => {
    const ledger = testLedger('d1', [
      testItem('d1', 'E-1', { invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 100_000, currency: 'EUR' }),
      testItem('d1', 'S-1', { invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 500_000, currency: 'SEK' }),
      testItem('d1', 'G-1', { invoiceDate: '2026-11-01', dueDate: '2026-12-31', amountMinor: 8_600, currency: 'GBP' }),
    ]);
    const rates = new ExchangeRateTable([{ date: day('2026-12-04'), base: 'EUR', quote: 'GBP', rate: '0.86' }]);
    const statement = statementOfAccount({ ledger, jurisdiction: 'GB', asOf: day('2026-12-07'), policyCurrency: 'EUR', exchangeRates: rates });
    expect(statement.blocks.map((block) => [block.currency, block.totalDueMinor])).toEqual([
      ['EUR', 100_000],
      ['GBP', 8_600],
      ['SEK', 500_000],
    ]);
    // EUR as is, GBP 86.00 at 0.86 = EUR 100.00; SEK has no rate: the total is not given, and SEK is named.
    expect(statement.policyTotal).toEqual({ currency: 'EUR', amountMinor: undefined, partialMinor: 110_000, missing: ['SEK'] });
    const withSek = statementOfAccount({ ledger, jurisdiction: 'GB', asOf: day('2026-12-07'), policyCurrency: 'EUR', exchangeRates: new ExchangeRateTable([{ date: day('2026-12-04'), base: 'EUR', quote: 'GBP', rate: '0.86' }, { date: day('2026-12-04'), base: 'EUR', quote: 'SEK', rate: '10' }]) });
    expect(withSek.policyTotal).toEqual({ currency: 'EUR', amountMinor: 160_000, missing: [] });
  });

  it('lists a disputed invoice as such, without interest', () => {
    const ledger = testLedger('d1', [testItem('d1', 'D-1', { invoiceDate: '2026-08-01', dueDate: '2026-09-01', amountMinor: 50_000, currency: 'GBP', dispute: { reason: 'quality', since: day('2026-09-10') } })]);
    const statement = statementOfAccount({ ledger, jurisdiction: 'GB', asOf: day('2026-12-07'), policyCurrency: 'GBP', exchangeRates: noRates });
    expect(statement.blocks[0]!.items[0]).toMatchObject({ number: 'D-1', disputed: true, interestMinor: 0 });
    expect(statement.blocks[0]!.totalDueMinor).toBe(50_000);
  });
});

describe('statementCosts', () => {
  const action = (step: DunningAction['step'], itemIds: string[], doneOn: string): DunningAction => ({ id: `a-${step}`, debtorId: 'd1', step, itemIds, plannedOn: day(doneOn), doneOn: day(doneOn), status: 'done', note: '' });

  it('claims the costs a formal notice claimed, on its invoices still open, and the Dutch WIK only once the fourteen days have passed', () => {
    const ledger = testLedger('d1', [
      testItem('d1', 'A', { invoiceDate: '2026-08-01', dueDate: '2026-09-01', amountMinor: 100_000, currency: 'EUR' }),
      testItem('d1', 'B', { invoiceDate: '2026-08-01', dueDate: '2026-09-01', amountMinor: 50_000, openMinor: 0, currency: 'EUR' }),
    ]);
    const notice = [action('reminder-2', ['d1|A', 'd1|B'], '2026-10-01'), action('formal-notice', ['d1|A', 'd1|B'], '2026-11-30')];
    expect(statementCosts({ ledger, actions: notice, jurisdiction: 'NL', asOf: day('2026-12-07') })).toEqual([]);
    // WIK on € 1.000: 15 % = € 150.
    expect(statementCosts({ ledger, actions: notice, jurisdiction: 'NL', asOf: day('2026-12-15') })).toEqual([{ itemId: 'd1|A', code: 'NL_WIK', currency: 'EUR', amountMinor: 15_000 }]);
    expect(statementCosts({ ledger, actions: notice, jurisdiction: 'EU', asOf: day('2026-12-07') })).toEqual([{ itemId: 'd1|A', code: 'EU_FIXED_COMPENSATION', currency: 'EUR', amountMinor: 4_000 }]);
    // Not in the law's currency: no cost rather than a wrong one.
    expect(statementCosts({ ledger, actions: notice, jurisdiction: 'GB', asOf: day('2026-12-07') })).toEqual([]);
  });
});
