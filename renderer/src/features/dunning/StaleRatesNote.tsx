import { useTranslation } from 'react-i18next';
import { staleRateTables } from '../../../../shared/domain/law/rate-table-coverage';
import { useClock } from '../../app/app-clock';
import { useFormat } from '../../i18n/use-format';

/**
 * Says so when a statutory-interest rate table has not been brought up to date for the current half-year:
 * letters then claim interest at the last known rate, which the controller should check first.
 */
export function StaleRatesNote() {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const stale = staleRateTables(useClock().today());
  if (stale.length === 0) return null;
  return (
    <p className="note warning-note" role="note" data-testid="stale-rates">
      {t('rates.stale', { rates: stale.map(({ kind, coveredUntil }) => t('rates.until', { rate: t(`rates.kinds.${kind}`), date: format.date(coveredUntil) })).join('; ') })}
    </p>
  );
}
