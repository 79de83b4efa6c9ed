import { formatDate, formatDateTime } from '../../../shared/format/format-date';
import { formatMoney } from '../../../shared/format/format-money';
import { formatBasisPoints, formatNumber, formatPercent } from '../../../shared/format/format-number';
import type { Money } from '../../../shared/money/money';
import type { IsoDate } from '../../../shared/time/iso-date';
import { useLanguage } from './use-language';

/** Number, money and date formatting in the conventions of the current UI language. */
export function useFormat() {
  const { formatLocale } = useLanguage();
  return {
    money: (amount: Money) => formatMoney(amount, formatLocale),
    number: (value: number, fractionDigits?: number) => formatNumber(value, formatLocale, fractionDigits),
    percent: (ratio: number) => formatPercent(ratio, formatLocale),
    /** A yearly rate in basis points, exact: 1015 → 10.15 %. */
    basisPoints: (basisPoints: number) => formatBasisPoints(basisPoints, formatLocale),
    date: (date: IsoDate) => formatDate(date, formatLocale),
    dateTime: (instant: Date) => formatDateTime(instant, formatLocale),
  };
}
