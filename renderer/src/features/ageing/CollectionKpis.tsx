import { useTranslation } from 'react-i18next';
import type { StoredPortfolioSummary } from '../../data/db/schema';
import { useCeiText } from '../../i18n/use-cei-text';
import { useFormat } from '../../i18n/use-format';

/** DSO, ADD and CEI as the stored portfolio summary has them (shared/domain/summaries/portfolio-summary.ts). */
export function CollectionKpis({ portfolio }: { readonly portfolio: StoredPortfolioSummary }) {
  const { t } = useTranslation('ageing');
  const format = useFormat();
  const cei = useCeiText()(portfolio.cei);
  const days = (value: number | undefined) => (value === undefined ? t('kpi.notAvailable') : t('kpi.days', { days: format.number(value, 1) }));
  const cards = [
    { id: 'dso', label: t('kpi.dso'), value: days(portfolio.dso), detail: t('kpi.bestPossible', { value: days(portfolio.bestPossibleDso) }) },
    { id: 'add', label: t('kpi.add'), value: days(portfolio.averageDaysDelinquent), detail: t('kpi.addDetail') },
    { id: 'cei', label: t('kpi.cei'), value: cei.value, detail: cei.reason ?? t('kpi.ceiDetail') },
  ];
  return (
    <ul className="kpi-cards" aria-label={t('kpi.label')}>
      {cards.map((card) => (
        <li key={card.id} className="kpi-card" data-testid={`ageing-kpi-${card.id}`}>
          <span className="kpi-label">{card.label}</span>
          <strong className="kpi-value">{card.value}</strong>
          <span className="kpi-detail">{card.detail}</span>
        </li>
      ))}
    </ul>
  );
}
