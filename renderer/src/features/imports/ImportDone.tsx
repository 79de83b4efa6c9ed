import { useTranslation } from 'react-i18next';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { money } from '../../../../shared/money/money';
import { useNavigationStore } from '../../app/navigation-store';
import type { ImportPreview } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';
import { useTotals } from './use-totals';

/** The import is stored: what it did, and the portfolio as it now stands. */
export function ImportDone({ preview, portfolio, onClose }: { readonly summary: ParseSummary; readonly preview: ImportPreview; readonly portfolio: PortfolioSummary; readonly onClose: () => void }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const navigate = useNavigationStore((state) => state.navigate);
  const totals = useTotals();
  const toReview = preview.payments?.toReview.count ?? 0;
  const currencies = Object.keys(portfolio.openByCurrency);
  // The portfolio's totals are in the policy currency: every other currency is listed with its own
  // total, and one without a rate is named, so no currency drops out of the report unnoticed.
  const showsByCurrency = currencies.length > 1 || currencies.some((currency) => currency !== portfolio.currency);
  return (
    <div role="status" className="import-done">
      <p className="summary">{t('done.title', { name: preview.fileName })}</p>
      <p>
        {t('done.portfolio', {
          count: portfolio.debtorCount,
          debtors: format.number(portfolio.debtorCount),
          open: format.money(money(portfolio.openMinor, portfolio.currency)),
          overdue: format.money(money(portfolio.overdueMinor, portfolio.currency)),
        })}
      </p>
      {showsByCurrency ? <p>{t('done.byCurrency', { totals: totals(portfolio.openByCurrency) })}</p> : null}
      {portfolio.unconvertedCurrencies.length > 0 ? <p className="note">{t('done.notConverted', { currencies: portfolio.unconvertedCurrencies.join(', ') })}</p> : null}
      {toReview > 0 ? <p>{t('done.toReview', { count: toReview, formatted: format.number(toReview) })}</p> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => navigate('portfolio')}>
          {t('done.showPortfolio')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('done.close')}
        </button>
      </div>
    </div>
  );
}
