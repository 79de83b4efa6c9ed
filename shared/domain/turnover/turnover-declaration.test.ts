import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import type { IsoDate } from '../../time/iso-date';
import { declarablePeriods, parsePeriod, periodOf } from './declaration-period';
import { computeTurnoverDeclaration, type TurnoverItem } from './turnover-declaration';

const d = (value: string) => value as IsoDate;
const november = parsePeriod('2026-11')!;
const rates = new ExchangeRateTable([
  { date: d('2026-10-30'), base: 'EUR', quote: 'SEK', rate: '11.2345' },
  { date: d('2026-10-30'), base: 'EUR', quote: 'GBP', rate: '0.8712' },
]);

function invoice(country: string, invoiceDate: string, currency: string, amountMinor: number, vatMinor = 0, dueDate?: string): TurnoverItem {
  return { country, kind: 'invoice', invoiceDate: d(invoiceDate), dueDate: d(dueDate ?? '2026-12-31'), currency, amountMinor, vatMinor };
}
function creditNote(country: string, invoiceDate: string, currency: string, amountMinor: number, vatMinor = 0): TurnoverItem {
  return { country, kind: 'credit-note', invoiceDate: d(invoiceDate), dueDate: d(invoiceDate), currency, amountMinor, vatMinor };
}

describe('the turnover declaration of a period, per country of the buyer', () => {
  it('counts invoices dated in the period net of VAT and subtracts credit notes, to the cent', () => {
    const draft = computeTurnoverDeclaration({
      period: november,
      currency: 'EUR',
      rates,
      items: [
        invoice('NL', '2026-11-03', 'EUR', 121_000_00, 21_000_00),
        invoice('NL', '2026-11-20', 'EUR', 12_100, 2_100),
        creditNote('NL', '2026-11-25', 'EUR', -24_200, -4_200),
        invoice('DE', '2026-11-10', 'EUR', 50_000_01, 0),
      ],
    });
    expect(draft.lines).toEqual([
      { country: 'DE', invoiceCount: 1, creditNoteCount: 0, invoicedMinor: 50_000_01, creditedMinor: 0, amountMinor: 50_000_01 },
      { country: 'NL', invoiceCount: 2, creditNoteCount: 1, invoicedMinor: 100_100_00, creditedMinor: -200_00, amountMinor: 99_900_00 },
    ]);
    expect(draft.totalMinor).toBe(149_900_01);
    expect(draft.complete).toBe(true);
  });

  it('converts each item to the policy currency at the rate of its invoice date, rounded per item', () => {
    const draft = computeTurnoverDeclaration({
      period: november,
      currency: 'EUR',
      rates,
      items: [invoice('SE', '2026-11-02', 'SEK', 10_000_00, 2_000_00), invoice('GB', '2026-11-02', 'GBP', 1_500_00, 250_00)],
    });
    // 8,000.00 SEK / 11.2345 = 712.09 EUR; 1,250.00 GBP / 0.8712 = 1,434.80 EUR.
    expect(draft.lines.map((line) => [line.country, line.amountMinor])).toEqual([
      ['GB', 1_434_80],
      ['SE', 712_09],
    ]);
    expect(draft.totalMinor).toBe(2_146_89);
  });

  it('says which currency has no rate instead of counting it as nothing, and is then not complete', () => {
    const draft = computeTurnoverDeclaration({
      period: november,
      currency: 'EUR',
      rates,
      items: [invoice('NL', '2026-11-05', 'EUR', 1_000_00), invoice('NO', '2026-11-12', 'NOK', 5_000_00), invoice('NO', '2026-11-08', 'NOK', 2_500_00), creditNote('NO', '2026-11-20', 'NOK', -500_00)],
    });
    expect(draft.complete).toBe(false);
    expect(draft.missingRates).toEqual([{ currency: 'NOK', firstDate: '2026-11-08', itemCount: 3, amountMinor: 7_000_00 }]);
    expect(draft.lines).toEqual([{ country: 'NL', invoiceCount: 1, creditNoteCount: 0, invoicedMinor: 1_000_00, creditedMinor: 0, amountMinor: 1_000_00 }]);
  });

  it('a rate published only after the invoice date is no rate for it', () => {
    const later = new ExchangeRateTable([{ date: d('2026-11-15'), base: 'EUR', quote: 'SEK', rate: '11.00' }]);
    const draft = computeTurnoverDeclaration({ period: november, currency: 'EUR', rates: later, items: [invoice('SE', '2026-11-14', 'SEK', 1_100_00), invoice('SE', '2026-11-15', 'SEK', 1_100_00)] });
    expect(draft.missingRates).toEqual([{ currency: 'SEK', firstDate: '2026-11-14', itemCount: 1, amountMinor: 1_100_00 }]);
    expect(draft.lines[0]).toMatchObject({ country: 'SE', amountMinor: 100_00 });
  });

  it('takes the first and last day of the period and nothing outside it', () => {
    const draft = computeTurnoverDeclaration({
      period: november,
      currency: 'EUR',
      rates,
      items: [invoice('NL', '2026-10-31', 'EUR', 1), invoice('NL', '2026-11-01', 'EUR', 10), invoice('NL', '2026-11-30', 'EUR', 100), invoice('NL', '2026-12-01', 'EUR', 1_000)],
    });
    expect(draft.totalMinor).toBe(110);
    const q4 = computeTurnoverDeclaration({ period: parsePeriod('2026-Q4')!, currency: 'EUR', rates, items: [invoice('NL', '2026-09-30', 'EUR', 1), invoice('NL', '2026-10-01', 'EUR', 10), invoice('NL', '2026-12-31', 'EUR', 100), invoice('NL', '2027-01-01', 'EUR', 1_000)] });
    expect(q4.totalMinor).toBe(110);
  });

  it('a country whose credit notes exceed its invoices declares a negative amount', () => {
    const draft = computeTurnoverDeclaration({ period: november, currency: 'EUR', rates, items: [invoice('BE', '2026-11-02', 'EUR', 100_00), creditNote('BE', '2026-11-03', 'EUR', -300_00)] });
    expect(draft.lines).toEqual([{ country: 'BE', invoiceCount: 1, creditNoteCount: 1, invoicedMinor: 100_00, creditedMinor: -300_00, amountMinor: -200_00 }]);
  });

  it('leaves out cash and prepaid sales only when the policy excludes them, and VAT only when asked', () => {
    const items = [invoice('NL', '2026-11-02', 'EUR', 121_00, 21_00, '2026-11-02'), invoice('NL', '2026-11-02', 'EUR', 242_00, 42_00, '2026-12-02')];
    const excluding = computeTurnoverDeclaration({ period: november, currency: 'EUR', rates, rules: { excludeVat: true, excludeCashSales: true }, items });
    expect(excluding.totalMinor).toBe(200_00);
    expect(excluding.cashSalesExcluded).toBe(1);
    const gross = computeTurnoverDeclaration({ period: november, currency: 'EUR', rates, rules: { excludeVat: false, excludeCashSales: false }, items });
    expect(gross.totalMinor).toBe(363_00);
    expect(gross.cashSalesExcluded).toBe(0);
  });
});

describe('declaration periods', () => {
  it('names months and quarters and knows their first and last days, leap years included', () => {
    expect(parsePeriod('2028-02')).toEqual({ id: '2028-02', frequency: 'monthly', from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-Q1')).toEqual({ id: '2026-Q1', frequency: 'quarterly', from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026-Q4')?.to).toBe('2026-12-31');
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-Q5')).toBeUndefined();
    expect(periodOf(d('2026-08-15'), 'quarterly').id).toBe('2026-Q3');
  });

  it('offers only periods that have ended, newest first, across the turn of the year', () => {
    expect(declarablePeriods(d('2027-01-01'), 'monthly', 3).map((period) => period.id)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(declarablePeriods(d('2027-03-31'), 'quarterly', 2).map((period) => period.id)).toEqual(['2026-Q4', '2026-Q3']);
  });
});
