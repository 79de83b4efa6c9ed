import { useMemo } from 'react';
import { formatMoney } from '../../../../shared/format/format-money';
import { formatNumber, formatPercent } from '../../../../shared/format/format-number';
import { BASIS_POINTS_PER_WHOLE } from '../../../../shared/money/basis-points';
import { money, type CurrencyCode } from '../../../../shared/money/money';
import { isoDateToUtcMs, type IsoDate } from '../../../../shared/time/iso-date';
import { useLanguage } from '../../i18n/use-language';

/**
 * The dashboard's formats in the UI language: full amounts for tables and tooltips, compact ones
 * ("€1.2M", "1,2 mn €") for chart axes, shares, days and month labels. Chart values are whole minor units;
 * an axis tick between two cents is rounded to a cent before it is formatted.
 */
export function useChartFormat(currency: CurrencyCode) {
  const { formatLocale } = useLanguage();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(formatLocale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dayFormat = new Intl.DateTimeFormat(formatLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return {
      locale: formatLocale,
      amount: (minor: number) => formatMoney(money(minor, currency), formatLocale),
      compactAmount: (minor: number) => formatMoney(money(Math.round(minor), currency), formatLocale, { compact: true }),
      /** A share in basis points as a percentage: 1234 → "12.3%". */
      share: (basisPoints: number) => formatPercent(basisPoints / BASIS_POINTS_PER_WHOLE, formatLocale),
      /** A margin in basis points to the basis point: 525 → "5.25%". */
      margin: (basisPoints: number) => formatPercent(basisPoints / BASIS_POINTS_PER_WHOLE, formatLocale, 2),
      days: (value: number) => formatNumber(value, formatLocale, 1),
      /** A trend date: the month of a month-end ("Nov 2025"), the day for today ("24 Nov"). */
      trendDate: (date: IsoDate, isToday: boolean) => (isToday ? dayFormat : monthFormat).format(isoDateToUtcMs(date)),
    };
  }, [currency, formatLocale]);
}

export type ChartFormat = ReturnType<typeof useChartFormat>;
