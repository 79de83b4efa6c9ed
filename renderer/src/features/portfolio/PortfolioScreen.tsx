import { useTranslation } from 'react-i18next';
import type { DemoDebtor } from '../../../../shared/demo/demo-debtors';
import { money } from '../../../../shared/money/money';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDebtors } from '../../data/portfolio-queries';
import { useCountryName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';

/** Totals per currency: amounts in different currencies are never added together without a rate. */
function totalsByCurrency(debtors: readonly DemoDebtor[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const debtor of debtors) totals.set(debtor.currency, (totals.get(debtor.currency) ?? 0) + debtor.exposureMinor);
  return totals;
}

export function PortfolioScreen() {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const countryName = useCountryName();
  const debtors = useDebtors();

  if (debtors === undefined) return null;
  const exposure = [...totalsByCurrency(debtors)].map(([currency, minor]) => format.money(money(minor, currency))).join(' · ');

  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      {debtors.length === 0 ? (
        <EmptyState message={t('empty')} />
      ) : (
        <>
          <p className="summary" data-testid="portfolio-summary">
            {t('summary', { count: debtors.length, exposure })}
          </p>
          <div className="table-scroll">
            <table className="data-table" aria-label={t('tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.country')}</th>
                  <th scope="col" className="numeric">{t('columns.exposure')}</th>
                  <th scope="col" className="numeric">{t('columns.limit')}</th>
                </tr>
              </thead>
              <tbody>
                {debtors.map((debtor) => (
                  <tr key={debtor.id}>
                    <td>{debtor.name}</td>
                    <td>{countryName(debtor.country)}</td>
                    <td className="numeric">{format.money(money(debtor.exposureMinor, debtor.currency))}</td>
                    <td className="numeric">{format.money(money(debtor.limitMinor, debtor.currency))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
