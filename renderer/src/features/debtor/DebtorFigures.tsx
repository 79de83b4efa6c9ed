import { useTranslation } from 'react-i18next';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { money } from '../../../../shared/money/money';
import { useBucketLabels } from '../../i18n/use-bucket-labels';
import { useFormat } from '../../i18n/use-format';

/** The debtor's exposure against its limit and its open amount by age, in the policy currency. */
export function DebtorFigures({ summary }: { readonly summary: DebtorSummary }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const buckets = useBucketLabels();
  const amount = (minor: number) => format.money(money(minor, summary.currency));
  const days = (value: number | undefined) => (value === undefined ? '–' : t('figures.days', { days: format.number(value, 1) }));
  const figures = [
    { id: 'exposure', label: t('figures.exposure'), value: amount(summary.exposureMinor) },
    // A limit that starts later is shown with its date and amount, not as 0 (issue 13); an internal limit beside the insured one.
    {
      id: 'limit',
      label: t('figures.limit'),
      value: summary.limitState === 'SCHEDULED' && summary.upcomingLimit ? t('figures.limitFrom', { amount: amount(summary.upcomingLimit.amountMinor), date: format.date(summary.upcomingLimit.from) }) : amount(summary.limitMinor),
    },
    ...(summary.internalLimitMinor !== undefined ? [{ id: 'internalLimit', label: t('figures.internalLimit'), value: amount(summary.internalLimitMinor) }] : []),
    { id: 'utilisation', label: t('figures.utilisation'), value: summary.utilisation === undefined ? '–' : format.percent(summary.utilisation) },
    { id: 'overdue', label: t('figures.overdue'), value: amount(summary.overdueMinor) },
    { id: 'uninsured', label: t('figures.uninsured'), value: amount(summary.uninsuredMinor) },
    { id: 'dso', label: t('figures.dso'), value: days(summary.dso) },
    { id: 'add', label: t('figures.add'), value: days(summary.averageDaysDelinquent) },
  ];
  return (
    <>
      <ul className="kpi-cards" aria-label={t('figures.label')}>
        {figures.map((figure) => (
          <li key={figure.id} className="kpi-card" data-testid={`debtor-${figure.id}`}>
            <span className="kpi-label">{figure.label}</span>
            <strong className="kpi-value">{figure.value}</strong>
          </li>
        ))}
      </ul>
      <table className="data-table compact" aria-label={t('figures.ageingLabel')}>
        <thead>
          <tr>
            {buckets.map((label) => <th key={label} scope="col" className="numeric">{label}</th>)}
            <th scope="col" className="numeric">{t('figures.open')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {summary.bucketsMinor.map((minor, index) => <td key={buckets[index] ?? index} className="numeric">{amount(minor)}</td>)}
            <td className="numeric">{amount(summary.openMinor)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
