import type { LedgerItem } from '../domain/ledger/ledger-types';
import { divideRounded } from '../money/basis-points';
import type { ExchangeRateTable } from '../money/exchange-rates';
import type { CurrencyCode } from '../money/money';
import type { IsoDate } from '../time/iso-date';
import type { LossInvoice } from './loss-submission';

/**
 * The invoices of a loss submission as the insurer wants them: what is still open, gross and net of VAT
 * (insurers indemnify net, insurer-apis.md §2.3 step 11), in the policy currency. The net part keeps the
 * invoice's own VAT share: open × (amount − VAT) / amount, rounded half away from zero. Foreign-currency
 * invoices are converted at the rate of `asOf`, gross and net each rounded once, so net ≤ gross holds.
 */
export function lossInvoicesOf(items: readonly LedgerItem[], options: { readonly currency: CurrencyCode; readonly rates: ExchangeRateTable; readonly asOf: IsoDate }): LossInvoice[] {
  return items
    .filter((item) => item.kind === 'invoice' && item.openMinor > 0)
    .map((item) => {
      const netOpen = item.amountMinor > 0 ? divideRounded(BigInt(item.openMinor) * BigInt(item.amountMinor - item.vatMinor), BigInt(item.amountMinor)) : item.openMinor;
      const convert = (amountMinor: number) => options.rates.convert({ amountMinor, currency: item.currency }, options.currency, options.asOf).amountMinor;
      return { number: item.number, issueDate: item.invoiceDate, dueDate: item.dueDate, grossAmountMinor: convert(item.openMinor), netAmountMinor: convert(netOpen), currency: options.currency };
    });
}
