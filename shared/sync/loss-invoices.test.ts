import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../domain/ledger/ledger-types';
import { ExchangeRateTable } from '../money/exchange-rates';
import type { IsoDate } from '../time/iso-date';
import { lossInvoicesOf } from './loss-invoices';

const d = (date: string) => date as IsoDate;
const item = (fields: Partial<LedgerItem>): LedgerItem => ({
  id: 'D1|F-1', debtorId: 'D1', number: 'F-1', kind: 'invoice', invoiceDate: d('2026-08-01'), dueDate: d('2026-08-31'), currency: 'EUR',
  amountMinor: 121_000, vatMinor: 21_000, openMinor: 121_000, paymentReference: '', ...fields,
});
const rates = new ExchangeRateTable([{ date: d('2026-11-01'), base: 'EUR', quote: 'SEK', rate: '11.0000' }]);

describe('invoices for the insurer', () => {
  it('send what is open, gross and net of VAT, leaving out settled invoices and credit notes', () => {
    const invoices = lossInvoicesOf(
      [item({}), item({ number: 'F-2', openMinor: 60_500 }), item({ number: 'F-3', openMinor: 0 }), item({ number: 'C-1', kind: 'credit-note', amountMinor: -12_100, vatMinor: -2_100, openMinor: -12_100 })],
      { currency: 'EUR', rates, asOf: d('2026-11-24') },
    );
    // €1,210.00 incl. 21 % VAT is €1,000.00 net; half of it open is €605.00 gross, €500.00 net.
    expect(invoices.map((invoice) => [invoice.number, invoice.grossAmountMinor, invoice.netAmountMinor])).toEqual([['F-1', 121_000, 100_000], ['F-2', 60_500, 50_000]]);
  });

  it('convert a Swedish invoice to the policy currency at the day’s rate, exactly', () => {
    // 12,500.00 kr incl. 25 % moms at 11 kr/€: €1,136.36 gross; 10,000.00 kr net is €909.09.
    const [invoice] = lossInvoicesOf([item({ currency: 'SEK', amountMinor: 1_250_000, vatMinor: 250_000, openMinor: 1_250_000 })], { currency: 'EUR', rates, asOf: d('2026-11-24') });
    expect(invoice).toMatchObject({ currency: 'EUR', grossAmountMinor: 113_636, netAmountMinor: 90_909 });
  });
});
