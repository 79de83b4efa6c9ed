import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { usePortfolioSummary } from '../../data/queries/use-portfolio';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { AgeingDashboard } from './AgeingDashboard';
import { AgeingHeaderActions } from './AgeingHeaderActions';
import { CollectionKpis } from './CollectionKpis';
import { DashboardProgress } from './DashboardProgress';
import { useAgeingDashboard } from './use-ageing-dashboard';

/**
 * The ageing dashboard a credit controller opens every morning. KPIs and exposure come from the stored
 * portfolio summary at once; the ageing figures, trend and concentration are computed by the data worker
 * from the ledgers, again whenever the portfolio changes.
 */
export function AgeingScreen() {
  const { t } = useTranslation(['ageing', 'common']);
  const errorMessage = useErrorMessage();
  const format = useFormat();
  const portfolio = usePortfolioSummary();
  const today = useClock().today();
  const hasOpenItems = !!portfolio && (portfolio.openItemCount > 0 || portfolio.openMinor !== 0);
  const portfolioKey = hasOpenItems ? `${portfolio.asOf}|${portfolio.exposureMinor}|${portfolio.openMinor}` : undefined;
  const state = useAgeingDashboard(portfolioKey, today);
  const data = state.status === 'ready' ? state.data : state.status === 'computing' ? state.previous : undefined;

  if (portfolio === undefined) return null;
  return (
    <section className="ageing-dashboard">
      <ScreenHeader title={t('title')} intro={t('intro')}>
        <AgeingHeaderActions dashboard={state.status === 'ready' ? state.data : undefined} />
      </ScreenHeader>
      {!hasOpenItems || (state.status === 'ready' && !state.data) ? (
        <EmptyState message={t('empty')} />
      ) : (
        <>
          <p className="note" data-testid="ageing-as-of">
            {t('asOf', { date: format.date(toIsoDate(portfolio.asOf)), currency: portfolio.currency })}
          </p>
          <CollectionKpis portfolio={portfolio} />
          {state.status === 'computing' ? <DashboardProgress done={state.done} total={state.total} isUpdate={data !== undefined} /> : null}
          {state.status === 'failed' ? (
            <div role="alert" className="error-panel">
              <p>{t('failed')}</p>
              <p>{errorMessage(state.error)}</p>
              <button type="button" className="button" onClick={state.retry}>
                {t('common:actions.retry')}
              </button>
            </div>
          ) : null}
          {data ? <AgeingDashboard data={data} portfolio={portfolio} /> : null}
        </>
      )}
    </section>
  );
}
