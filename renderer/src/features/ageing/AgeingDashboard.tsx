import { useTranslation } from 'react-i18next';
import { shareBasisPoints } from '../../../../shared/domain/dashboard/concentration';
import type { AgeingDashboardData } from '../../data/dashboard/ageing-dashboard-data';
import type { StoredPortfolioSummary } from '../../data/db/schema';
import { useCountryName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';
import { AgeingTrendFigure } from './AgeingTrendFigure';
import { BucketBarsFigure } from './BucketBarsFigure';
import { ConcentrationTable } from './ConcentrationTable';
import { CostOfLossCalculator } from './CostOfLossCalculator';
import { DsoTrendFigure } from './DsoTrendFigure';
import { ExposureFigure } from './ExposureFigure';
import { useBucketLabels } from '../../i18n/use-bucket-labels';
import { useChartFormat } from './use-chart-format';
import { UnconvertedNotice } from '../rates/UnconvertedNotice';

const PORTFOLIO_ROW = 'portfolio';

/** The dashboard's figures once the data worker has computed them. */
export function AgeingDashboard({ data, portfolio }: { readonly data: AgeingDashboardData; readonly portfolio: StoredPortfolioSummary }) {
  const { t } = useTranslation('ageing');
  const { money, date: formatDate } = useFormat();
  const countryName = useCountryName();
  const labels = useBucketLabels(data.buckets);
  const format = useChartFormat(data.currency);
  const { current } = data;
  const total = current.bucketsMinor.reduce((sum, amount) => sum + amount, 0);
  const hasDsoTrend = data.trend.some((point) => point.dso !== undefined);
  // Month-ends whose amounts could not all be converted: named, so the trend never drops them silently.
  const trendGaps = data.trend.filter((point) => point.asOf !== data.asOf && point.unconvertedCurrencies.length > 0);

  return (
    <>
      <UnconvertedNotice
        currency={data.currency}
        currencies={current.unconvertedCurrencies}
        total={{
          convertedMinor: total,
          unconverted: current.byCurrency.filter((row) => !row.bucketsMinor).map((row) => ({ amountMinor: row.nativeBucketsMinor.reduce((sum, amount) => sum + amount, 0), currency: row.currency })),
        }}
      />
      <BucketBarsFigure
        id="ageing-portfolio"
        title={t('portfolio.title')}
        caption={
          <p>
            {t('portfolio.caption')} {data.ageing.basis === 'due-date' ? t('basis.dueDate') : t('basis.invoiceDate')}
          </p>
        }
        rowHeader={t('portfolio.rowHeader')}
        rows={[{ key: PORTFOLIO_ROW, label: t('portfolio.row'), bucketsMinor: current.bucketsMinor }]}
        labels={labels}
        format={format}
        shareRow={current.bucketsMinor.map((amount) => shareBasisPoints(amount, total))}
      />
      <BucketBarsFigure
        id="ageing-countries"
        title={t('country.title')}
        caption={<p>{t('country.caption')}</p>}
        rowHeader={t('country.column')}
        rows={current.byCountry.map((row) => ({ key: row.country, label: countryName(row.country), bucketsMinor: row.bucketsMinor }))}
        labels={labels}
        format={format}
      />
      <BucketBarsFigure
        id="ageing-currencies"
        title={t('currency.title')}
        caption={<p>{t('currency.caption')}</p>}
        rowHeader={t('currency.column')}
        rows={current.byCurrency.map((row) => ({
          key: row.currency,
          label: row.currency,
          bucketsMinor: row.bucketsMinor,
          extra: money({ amountMinor: row.nativeBucketsMinor.reduce((sum, amount) => sum + amount, 0), currency: row.currency }),
        }))}
        labels={labels}
        format={format}
        extraHeader={t('currency.native')}
      />
      {trendGaps.length > 0 ? (
        <p className="warning-text" data-testid="trend-unconverted">
          {t('trend.unconverted', { currency: data.currency, gaps: trendGaps.map((point) => `${point.unconvertedCurrencies.join(', ')} (${formatDate(point.asOf)})`).join('; ') })}
        </p>
      ) : null}
      <AgeingTrendFigure points={data.trend} today={data.asOf} historyStart={data.historyStart} labels={labels} format={format} />
      <div className="ageing-grid">
        {hasDsoTrend ? <DsoTrendFigure points={data.trend} today={data.asOf} format={format} /> : null}
        <ExposureFigure portfolio={portfolio} format={format} />
      </div>
      <div className="ageing-grid">
        <ConcentrationTable concentration={data.concentration} format={format} />
        <CostOfLossCalculator oldestBucketMinor={current.bucketsMinor.at(-1) ?? 0} oldestBucketLabel={labels.at(-1) ?? ''} currency={data.currency} format={format} />
      </div>
    </>
  );
}
