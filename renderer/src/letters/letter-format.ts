import { formatDate } from '../../../shared/format/format-date';
import { formatMoney } from '../../../shared/format/format-money';
import { basisPointsAsRatio, formatNumber } from '../../../shared/format/format-number';
import { FORMAT_LOCALE, type Language } from '../../../shared/i18n/languages';
import { money, type CurrencyCode } from '../../../shared/money/money';
import type { IsoDate } from '../../../shared/time/iso-date';

/**
 * Numbers, amounts and dates as the letter's reader writes them — the letter's language, not the app's:
 * a Swedish letter says "26 349,30 kr" and "26 mars 2026" even when the controller works in English.
 */
export interface LetterFormat {
  readonly locale: string;
  /** An amount in the letter's currency: "€ 12.544,58" (nl), "26 349,30 kr" (sv), "£13,645.02" (en). */
  money(amountMinor: number): string;
  /** A date in a table: 02-03-2026 (nl), 2026-03-02 (sv), 02/03/2026 (en). */
  date(date: IsoDate): string;
  /** A date in running text: "2 maart 2026", "2 mars 2026", "2 March 2026". */
  longDate(date: IsoDate): string;
  number(value: number): string;
  /** A yearly rate from basis points: 1015 → "10,15%" (nl), "10,15 %" (sv), "10.15%" (en). */
  rate(basisPoints: number): string;
}

export function letterFormat(language: Language, currency: CurrencyCode): LetterFormat {
  const locale = FORMAT_LOCALE[language];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return {
    locale,
    money: (amountMinor) => formatMoney(money(amountMinor, currency), locale),
    date: (date) => formatDate(date, locale),
    longDate: (date) => formatDate(date, locale, 'long'),
    number: (value) => formatNumber(value, locale),
    rate: (basisPoints) => percent.format(basisPointsAsRatio(basisPoints)),
  };
}
