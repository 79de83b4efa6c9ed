import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { PolicyTerms } from '../../../../shared/sync/policy-terms';
import { useFormat } from '../../i18n/use-format';

/** The policy's terms as the insurer holds them: the rules behind limits, deadlines and claims. */
export function PolicyTermsList({ terms }: { readonly terms: PolicyTerms }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const amount = (minor: number) => format.money(money(minor, terms.currency));
  const days = (count: number) => t('insurer.terms.days', { count });
  const rows: [string, string][] = [
    [t('insurer.terms.insurer'), terms.insurer],
    [t('insurer.terms.policy'), terms.policyNumber],
    [t('insurer.terms.period'), t('insurer.terms.periodValue', { from: format.date(terms.startDate), to: format.date(terms.endDate) })],
    [t('insurer.terms.currency'), terms.currency],
    [t('insurer.terms.insuredPercentage'), format.percent(terms.insuredPercentageBp / 10_000)],
    [t('insurer.terms.discretionary'), amount(terms.discretionaryLimitMax.amountMinor)],
    ...(terms.maxCoverPerBuyerMinor === undefined ? [] : [[t('insurer.terms.maxCover'), amount(terms.maxCoverPerBuyerMinor)] as [string, string]]),
    [t('insurer.terms.deductible'), amount(terms.deductible.amountMinor)],
    [t('insurer.terms.maxCreditPeriod'), days(terms.maxCreditPeriodDays)],
    [t('insurer.terms.overdueNotification'), days(terms.overdueNotificationDays)],
    [t('insurer.terms.maxExtension'), days(terms.maxExtensionPeriodDays)],
    [t('insurer.terms.collectionTransfer'), days(terms.collectionTransferDays)],
    [t('insurer.terms.claimFiling'), days(terms.claimFilingDays)],
    [t('insurer.terms.waitingPeriod'), days(terms.waitingPeriodDays)],
  ];
  return (
    <dl className="facts" data-testid="policy-terms">
      {rows.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
