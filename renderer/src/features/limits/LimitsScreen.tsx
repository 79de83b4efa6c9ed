import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useFormat } from '../../i18n/use-format';
import { InsurerChangesSection } from './InsurerChangesSection';
import { LimitAlertsSection } from './LimitAlertsSection';
import { LimitRequestsSection } from './LimitRequestsSection';
import { useLimitsOverview } from './use-limits-overview';
import { usePortfolioSummary } from '../../data/queries/use-portfolio';
import { UnconvertedNotice } from '../rates/UnconvertedNotice';
import { unconvertedAmounts } from '../../../../shared/domain/summaries/unconverted';

/**
 * Credit limits across the portfolio: where exposure is not covered (and what to ask for), the requests
 * on their way, the reductions the insurer has announced and every change it made. Requests for one
 * debtor start on the debtor page; the sync keeps all of this current.
 */
const EXPOSURE = 'exposureMinor';

export function LimitsScreen() {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const overview = useLimitsOverview();
  const policy = overview?.policy;
  const portfolio = usePortfolioSummary();
  const unconvertedExposure = portfolio ? unconvertedAmounts(portfolio.unconverted, EXPOSURE) : [];
  return (
    <>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      {policy && (
        <p className="note" data-testid="policy-rules">
          {t('policyLine', {
            insurer: policy.insurer,
            policy: policy.policyNumber,
            insured: format.percent(policy.insuredPercentageBp / 10_000),
            discretionary: format.money(money(policy.discretionaryLimitMax.amountMinor, policy.currency)),
          })}
        </p>
      )}
      {/* Exposure without a rate cannot be weighed against a limit: the screen says so and how much (issue 13). */}
      {portfolio ? <UnconvertedNotice currency={portfolio.currency} currencies={portfolio.unconvertedCurrencies ?? []} total={{ convertedMinor: portfolio.exposureMinor, unconverted: unconvertedExposure }} /> : null}
      {overview === undefined ? (
        <p className="note">{t('loading')}</p>
      ) : (
        <>
          <LimitAlertsSection overview={overview} />
          <LimitRequestsSection overview={overview} />
          <InsurerChangesSection overview={overview} />
        </>
      )}
    </>
  );
}
