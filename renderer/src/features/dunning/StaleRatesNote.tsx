import { useTranslation } from 'react-i18next';
import { staleRateTables, unconfirmedRatesInForce } from '../../../../shared/domain/law/rate-table-coverage';
import { useClock } from '../../app/app-clock';
import { useNavigationStore } from '../../app/navigation-store';
import { useFormat } from '../../i18n/use-format';
import { useRateTable } from '../../data/queries/use-rate-table';

/**
 * Says so when a statutory-interest rate table has not been brought up to date for the current half-year
 * (letters then claim interest at the last known rate), or when the rate in force is one no source confirms
 * yet (a shipped row marked VERIFY), and leads to Settings › Interest rates, where a row is added.
 */
export function StaleRatesNote() {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const today = useClock().today();
  const rates = useRateTable();
  const openSettings = useNavigationStore((state) => state.openSettings);
  if (!rates) return null;
  const stale = staleRateTables(today, rates.table);
  const unconfirmed = unconfirmedRatesInForce(today, rates.table);
  if (stale.length === 0 && unconfirmed.length === 0) return null;
  return (
    <div className="note warning-note" role="note" data-testid="stale-rates">
      {stale.length > 0 && <p>{t('rates.stale', { rates: stale.map(({ kind, coveredUntil }) => t('rates.until', { rate: t(`rates.kinds.${kind}`), date: format.date(coveredUntil) })).join('; ') })}</p>}
      {unconfirmed.length > 0 && <p>{t('rates.unconfirmed', { rates: unconfirmed.map(({ kind, validFrom, rateBp }) => t('rates.rateFrom', { rate: t(`rates.kinds.${kind}`), value: format.basisPoints(rateBp), date: format.date(validFrom) })).join('; ') })}</p>}
      <button type="button" className="button" onClick={() => openSettings('interest-rates')}>{t('rates.check')}</button>
    </div>
  );
}
