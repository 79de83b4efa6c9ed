import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { toIsoDate } from '../../../../shared/time/iso-date';
import type { StoredPortfolioSummary } from '../../data/db/schema';
import { unconvertedAmounts } from '../../../../shared/domain/summaries/unconverted';
import { useCeiText } from '../../i18n/use-cei-text';
import { useConvertedMoney } from '../../i18n/use-converted-money';
import { useFormat } from '../../i18n/use-format';

/** The portfolio at a glance: exposure and its cover, what is overdue, and how fast customers pay. */
export function KpiCards({ portfolio }: { readonly portfolio: StoredPortfolioSummary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const convertedMoney = useConvertedMoney();
  const cei = useCeiText()(portfolio.cei);
  // Exposure, overdue and uninsured each carry what could not be converted beside them, never €0 for it (issue 13);
  // foreign exposure without a rate counts as uninsured too: Kredo cannot weigh it against a limit.
  const amount = (minor: number, figure?: 'exposureMinor' | 'overdueMinor') => (figure ? convertedMoney(minor, portfolio.currency, unconvertedAmounts(portfolio.unconverted, figure)) : format.money(money(minor, portfolio.currency)));
  const days = (value: number | undefined) => (value === undefined ? t('kpi.notAvailable') : t('kpi.days', { days: format.number(value, 1) }));
  const cards = [
    { id: 'exposure', label: t('kpi.exposure'), value: amount(portfolio.exposureMinor, 'exposureMinor'), detail: t('kpi.debtors', { count: portfolio.debtorCount, formatted: format.number(portfolio.debtorCount) }) },
    { id: 'overdue', label: t('kpi.overdue'), value: amount(portfolio.overdueMinor, 'overdueMinor'), detail: t('kpi.openItems', { count: portfolio.openItemCount, formatted: format.number(portfolio.openItemCount) }) },
    { id: 'uninsured', label: t('kpi.uninsured'), value: amount(portfolio.uninsuredMinor, 'exposureMinor'), detail: t('kpi.overLimit', { count: portfolio.overLimitCount, formatted: format.number(portfolio.overLimitCount) }) },
    { id: 'dso', label: t('kpi.dso'), value: days(portfolio.dso), detail: t('kpi.add', { value: days(portfolio.averageDaysDelinquent) }) },
    { id: 'cei', label: t('kpi.cei'), value: cei.value, detail: t('kpi.bestPossible', { value: days(portfolio.bestPossibleDso) }), note: cei.reason },
  ];
  return (
    <>
      <p className="note" data-testid="portfolio-as-of">
        {t('asOf', { date: format.date(toIsoDate(portfolio.asOf)), currency: portfolio.currency })}
      </p>
      <ul className="kpi-cards" aria-label={t('kpi.label')}>
        {cards.map((card) => (
          <li key={card.id} className="kpi-card" data-testid={`kpi-${card.id}`}>
            <span className="kpi-label">{card.label}</span>
            <strong className="kpi-value">{card.value}</strong>
            <span className="kpi-detail">{card.detail}</span>
            {'note' in card && card.note && <span className="kpi-detail" data-testid={`kpi-${card.id}-reason`}>{card.note}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
