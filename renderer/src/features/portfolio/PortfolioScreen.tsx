import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../app/navigation-store';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { usePortfolioSummary } from '../../data/queries/use-portfolio';
import { DebtorPage } from '../debtor/DebtorPage';
import { PortfolioGridSection } from './grid/PortfolioGridSection';
import { KpiCards } from './KpiCards';
import { NewCustomerSection } from './new-customer/NewCustomerSection';
import { UnconvertedNotice } from '../rates/UnconvertedNotice';
import { unconvertedAmounts } from '../../../../shared/domain/summaries/unconverted';

const OPEN = 'openMinor';

export function PortfolioScreen() {
  const { t } = useTranslation('portfolio');
  const portfolio = usePortfolioSummary();
  const debtorId = useNavigationStore((state) => state.debtorId);
  const debtorChunkId = useNavigationStore((state) => state.debtorChunkId);
  const [isNewCustomerOpen, setNewCustomerOpen] = useState(false);

  if (portfolio === undefined) return null;
  if (debtorId && portfolio) return <DebtorPage debtorId={debtorId} chunkId={debtorChunkId} />;
  return (
    <section className="portfolio-screen">
      {/* New customer sits in the header's row, so the grid keeps every line of the window it can have (issue 17). */}
      <ScreenHeader title={t('title')} intro={t('intro')}>
        {portfolio !== null && (
          <button type="button" className="button" aria-expanded={isNewCustomerOpen} onClick={() => setNewCustomerOpen(true)}>
            {t('newCustomer.open')}
          </button>
        )}
      </ScreenHeader>
      {portfolio === null ? (
        <EmptyState message={t('empty')} />
      ) : (
        <>
          <UnconvertedNotice currency={portfolio.currency} currencies={portfolio.unconvertedCurrencies ?? []} total={{ convertedMinor: portfolio.openMinor, unconverted: unconvertedAmounts(portfolio.unconverted, OPEN) }} />
          <KpiCards portfolio={portfolio} />
          {isNewCustomerOpen && <NewCustomerSection onClose={() => setNewCustomerOpen(false)} />}
          <PortfolioGridSection currency={portfolio.currency} bucketCount={portfolio.bucketsMinor.length} />
        </>
      )}
    </section>
  );
}
