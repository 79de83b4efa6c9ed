import { useTranslation } from 'react-i18next';
import type { Money } from '../../../../shared/money/money';
import { useNavigationStore } from '../../app/navigation-store';
import { useConvertedMoney } from '../../i18n/use-converted-money';

/**
 * Says that some amounts could not be converted for lack of an exchange rate, what they are, and leads to
 * Settings › Exchange rates, where the missing rates are listed and can be imported or typed (issue 13).
 * Shown on every screen with converted totals while any currency lacks a rate; nothing otherwise.
 */
export function UnconvertedNotice(props: { readonly currency: string; readonly currencies: readonly string[]; readonly total?: { readonly convertedMinor: number; readonly unconverted: readonly Money[] } }) {
  const { t } = useTranslation('common');
  const convertedMoney = useConvertedMoney();
  const openSettings = useNavigationStore((state) => state.openSettings);
  if (props.currencies.length === 0) return null;
  return (
    <div className="note warning-note" role="note" data-testid="rates-missing">
      <p>
        {t('conversion.ratesMissing', { currency: props.currency, currencies: props.currencies.join(', ') })}
        {props.total ? (
          <>
            {' '}
            <strong data-testid="rates-missing-total">{convertedMoney(props.total.convertedMinor, props.currency, props.total.unconverted)}</strong>
          </>
        ) : null}
      </p>
      <button type="button" className="button" onClick={() => openSettings('exchange-rates')}>
        {t('conversion.ratesMissingAction')}
      </button>
    </div>
  );
}
