import { money } from '../../../../shared/money/money';
import type { CurrencyTotals } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';

/** Amounts in several currencies side by side (never added up): "€ 1.234,56 · 12 500,00 kr". */
export function useTotals(): (totals: CurrencyTotals) => string {
  const format = useFormat();
  return (totals) =>
    Object.entries(totals)
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => format.money(money(amount, currency)))
      .join(' · ');
}
