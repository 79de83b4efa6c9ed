import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { usePortfolioSummary } from '../../data/queries/use-portfolio';
import { KpiCards } from './KpiCards';
import { LargestExposuresTable } from './LargestExposuresTable';

export function PortfolioScreen() {
  const { t } = useTranslation('portfolio');
  const portfolio = usePortfolioSummary();

  if (portfolio === undefined) return null;
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      {portfolio === null ? (
        <EmptyState message={t('empty')} />
      ) : (
        <>
          <KpiCards portfolio={portfolio} />
          <LargestExposuresTable debtorCount={portfolio.debtorCount} />
        </>
      )}
    </section>
  );
}
