import { useTranslation } from 'react-i18next';
import type { AgeingDashboardData } from '../../data/dashboard/ageing-dashboard-data';
import { useCountryName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';
import type { ChartFormat } from './use-chart-format';

/** Concentration risk: the ten largest exposures, each with its share, and the ten together. */
export function ConcentrationTable({ concentration, format }: { readonly concentration: AgeingDashboardData['concentration']; readonly format: ChartFormat }) {
  const { t } = useTranslation('ageing');
  const { number } = useFormat();
  const countryName = useCountryName();
  const title = t('concentration.title');
  return (
    <section className="ageing-figure" aria-labelledby="concentration-title" data-testid="concentration">
      <h2 id="concentration-title" className="ageing-figure-title">
        {title}
      </h2>
      <p className="ageing-figure-caption">{t('concentration.caption', { total: format.amount(concentration.totalExposureMinor) })}</p>
      {concentration.top.length === 0 ? (
        <p className="note">{t('concentration.none')}</p>
      ) : (
        <>
          <p className="summary" data-testid="concentration-summary">
            {t('concentration.summary', { shown: number(concentration.top.length), amount: format.amount(concentration.topExposureMinor), share: format.share(concentration.topShareBp) })}
          </p>
          {/* Scrolls sideways in a narrow window: focusable, so the keyboard can scroll it too (axe scrollable-region-focusable). */}
          <div className="ageing-figure-table" tabIndex={0} role="region" aria-labelledby="concentration-title">
            <table className="data-table compact ageing-concentration" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('concentration.rank')}
                  </th>
                  <th scope="col">{t('concentration.debtor')}</th>
                  <th scope="col">{t('concentration.country')}</th>
                  <th scope="col" className="numeric">
                    {t('concentration.exposure')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('concentration.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {concentration.top.map((entry, index) => (
                  <tr key={entry.debtorId}>
                    <td className="numeric">{number(index + 1)}</td>
                    <th scope="row">{entry.name}</th>
                    <td>{entry.country ? countryName(entry.country) : '–'}</td>
                    <td className="numeric">{format.amount(entry.exposureMinor)}</td>
                    <td className="numeric">{format.share(entry.shareBp)}</td>
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
