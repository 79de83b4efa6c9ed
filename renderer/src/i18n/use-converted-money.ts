import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from '../../../shared/money/money';
import { useFormat } from './use-format';

/**
 * An amount converted to the policy currency together with what could not be converted for lack of a rate,
 * in the UI language: "€ 1.234,56 + £ 12.345,00 niet omgerekend", or "£12,345.00 not converted" when nothing
 * was converted. A foreign amount is thus never shown as €0 nor silently dropped (issue 13).
 */
export function useConvertedMoney(): (convertedMinor: number, currency: string, unconverted: readonly Money[]) => string {
  const { t } = useTranslation('common');
  const format = useFormat();
  return useCallback(
    (convertedMinor, currency, unconverted) => {
      const amount = format.money(money(convertedMinor, currency));
      if (unconverted.length === 0) return amount;
      const amounts = unconverted.map((part) => format.money(part)).join(' + ');
      return convertedMinor === 0 ? t('conversion.notConverted', { amounts }) : t('conversion.withNotConverted', { amount, amounts });
    },
    [format, t],
  );
}
