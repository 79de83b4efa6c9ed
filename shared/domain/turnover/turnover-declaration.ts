import type { ExchangeRateTable } from '../../money/exchange-rates';
import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';
import type { ItemKind } from '../ledger/ledger-types';
import { inPeriod, type DeclarationPeriod } from './declaration-period';

/**
 * A turnover (sales) declaration computed from the ledger (issue 18 item 4; insurer-apis.md §2.1
 * `TurnoverDeclaration: period, perCountry amounts → premium`, §2.3 step 12): the insurable turnover of a period
 * per country of the buyer, in the policy currency, which the insurer multiplies by the premium rate and
 * settles against the advance premium (Atradius glossary, §1.2.1).
 *
 * - Every invoice dated in the period counts, every credit note dated in it subtracts (Cesce: "credit notes
 *   give negative premium", §1.3); a country can thus come out negative.
 * - Amounts are net of VAT when the rules say so (the default): VAT is not insurable (Allianz Trade, §1.1.9)
 *   and not covered (Atradius UK, §1.2.1), so no premium is due on it.
 * - Each item is converted to the policy currency at the rate in force on its invoice date, rounded to the
 *   cent per item, then summed (integer minor units throughout). An item without a rate is not counted as 0:
 *   it is listed under `missingRates`, and a declaration with missing rates is not complete and is not sent.
 * - Cash and prepaid sales (an invoice due on or before its own date: no credit was given) are left out only
 *   when the policy excludes them. Intra-group sales are not known to Kredo (no debtor says it belongs to
 *   the insured's group), so they cannot be left out here; the screen says so.
 */
export interface TurnoverItem {
  readonly country: string;
  readonly kind: ItemKind;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  /** Gross, VAT included; negative for a credit note. */
  readonly amountMinor: number;
  readonly vatMinor: number;
}

export interface TurnoverRules {
  /** Declare turnover net of VAT. */
  readonly excludeVat: boolean;
  /** Leave out invoices due on or before their own date (cash or prepaid sales). */
  readonly excludeCashSales: boolean;
}

export const DEFAULT_TURNOVER_RULES: TurnoverRules = { excludeVat: true, excludeCashSales: false };

export interface TurnoverLine {
  /** ISO 3166 alpha-2 country of the buyer. */
  readonly country: string;
  readonly invoiceCount: number;
  readonly creditNoteCount: number;
  /** Invoiced in the period, in the policy currency (≥ 0). */
  readonly invoicedMinor: number;
  /** Credited in the period, in the policy currency (≤ 0). */
  readonly creditedMinor: number;
  /** What is declared: invoiced + credited. */
  readonly amountMinor: number;
}

/** Items of a currency that could not be converted: no rate on or before their dates. */
export interface MissingTurnoverRate {
  readonly currency: CurrencyCode;
  /** The earliest invoice date without a rate. */
  readonly firstDate: IsoDate;
  readonly itemCount: number;
  /** Their sum in their own currency. */
  readonly amountMinor: number;
}

export interface TurnoverDeclarationDraft {
  readonly period: DeclarationPeriod;
  readonly currency: CurrencyCode;
  readonly rules: TurnoverRules;
  /** One line per country with an item in the period, by country code. */
  readonly lines: readonly TurnoverLine[];
  readonly totalMinor: number;
  readonly cashSalesExcluded: number;
  readonly missingRates: readonly MissingTurnoverRate[];
  /** Every item converted: only then may the declaration be sent or exported. */
  readonly complete: boolean;
}

interface LineSums {
  invoiceCount: number;
  creditNoteCount: number;
  invoicedMinor: number;
  creditedMinor: number;
}

export function computeTurnoverDeclaration(input: {
  readonly period: DeclarationPeriod;
  readonly currency: CurrencyCode;
  readonly rates: ExchangeRateTable;
  readonly rules?: TurnoverRules;
  readonly items: Iterable<TurnoverItem>;
}): TurnoverDeclarationDraft {
  const rules = input.rules ?? DEFAULT_TURNOVER_RULES;
  const lines = new Map<string, LineSums>();
  const missing = new Map<CurrencyCode, { firstDate: IsoDate; itemCount: number; amountMinor: number }>();
  let cashSalesExcluded = 0;
  for (const item of input.items) {
    if (!inPeriod(input.period, item.invoiceDate)) continue;
    const creditNote = item.kind === 'credit-note';
    if (!creditNote && rules.excludeCashSales && item.dueDate <= item.invoiceDate) {
      cashSalesExcluded += 1;
      continue;
    }
    const gross = rules.excludeVat ? item.amountMinor - item.vatMinor : item.amountMinor;
    // A credit note always lowers turnover, whichever sign the source gave it.
    const own = creditNote ? -Math.abs(gross) : gross;
    if (!input.rates.has(item.currency, input.currency, item.invoiceDate)) {
      const known = missing.get(item.currency);
      if (known) {
        known.itemCount += 1;
        known.amountMinor += own;
        if (item.invoiceDate < known.firstDate) known.firstDate = item.invoiceDate;
      } else missing.set(item.currency, { firstDate: item.invoiceDate, itemCount: 1, amountMinor: own });
      continue;
    }
    const amountMinor = input.rates.convert({ amountMinor: own, currency: item.currency }, input.currency, item.invoiceDate).amountMinor;
    let sums = lines.get(item.country);
    if (!sums) lines.set(item.country, (sums = { invoiceCount: 0, creditNoteCount: 0, invoicedMinor: 0, creditedMinor: 0 }));
    if (creditNote) {
      sums.creditNoteCount += 1;
      sums.creditedMinor += amountMinor;
    } else {
      sums.invoiceCount += 1;
      sums.invoicedMinor += amountMinor;
    }
  }
  const sorted = [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([country, sums]) => ({ country, ...sums, amountMinor: sums.invoicedMinor + sums.creditedMinor }));
  const missingRates = [...missing.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, entry]) => ({ currency, ...entry }));
  return {
    period: input.period,
    currency: input.currency,
    rules,
    lines: sorted,
    totalMinor: sorted.reduce((sum, line) => sum + line.amountMinor, 0),
    cashSalesExcluded,
    missingRates,
    complete: missingRates.length === 0,
  };
}
