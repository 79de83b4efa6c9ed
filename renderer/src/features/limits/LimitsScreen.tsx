import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useFormat } from '../../i18n/use-format';
import { InsurerChangesSection } from './InsurerChangesSection';
import { LimitAlertsSection } from './LimitAlertsSection';
import { LimitRequestsSection } from './LimitRequestsSection';
import { useLimitsOverview } from './use-limits-overview';

/**
 * Credit limits across the portfolio: where exposure is not covered (and what to ask for), the requests
 * on their way, the reductions the insurer has announced and every change it made. Requests for one
 * debtor start on the debtor page; the sync keeps all of this current.
 */
export function LimitsScreen() {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const overview = useLimitsOverview();
  const policy = overview?.policy;
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
