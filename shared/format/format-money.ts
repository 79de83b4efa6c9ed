import { toDecimalString, type CurrencyCode, type Money } from '../money/money';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount for display in a locale: `€ 1.234,56` in nl-NL, `1 234,56 kr` in sv-SE, `£1,234.56`
 * in en-GB. Formatters are cached because creating one costs far more than using it, and the portfolio
 * grid formats tens of thousands of cells.
 */
export function formatMoney(amount: Money, locale: string, options: { compact?: boolean } = {}): string {
  return moneyFormatter(locale, amount.currency, options.compact ?? false).format(toDecimalString(amount));
}

function moneyFormatter(locale: string, currency: CurrencyCode, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact ? 'c' : 'f'}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}
