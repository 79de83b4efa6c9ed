import { useTranslation } from 'react-i18next';
import { shareBasisPoints } from '../../../../shared/domain/dashboard/concentration';
import type { StoredPortfolioSummary } from '../../data/db/schema';
import { ChartFigure } from './ChartFigure';
import { StackedBarChart } from './StackedBarChart';
import { CHART_COLOURS } from '../../components/chart-theme';
import type { ChartFormat } from './use-chart-format';

const STACK = 'exposure';

/**
 * Exposure against the credit limits, from the stored portfolio summary: the exposure bar split into what
 * the limits cover (insured) and what they do not (uninsured: over limit, disputed or without a limit),
 * next to the limits themselves.
 */
export function ExposureFigure({ portfolio, format }: { readonly portfolio: StoredPortfolioSummary; readonly format: ChartFormat }) {
  const { t } = useTranslation('ageing');
  const title = t('exposure.title');
  const series = [
    { key: 'insured', name: t('exposure.insured'), colour: CHART_COLOURS.insured },
    { key: 'uninsured', name: t('exposure.uninsured'), colour: CHART_COLOURS.uninsured },
    { key: 'limit', name: t('exposure.limits'), colour: CHART_COLOURS.limit },
  ];
  const data = [
    { label: t('exposure.exposure'), insured: portfolio.insuredExposureMinor, uninsured: portfolio.uninsuredMinor },
    { label: t('exposure.limits'), limit: portfolio.limitMinor },
  ];
  const rows = [
    { key: 'insured', label: t('exposure.insured'), value: format.amount(portfolio.insuredExposureMinor) },
    { key: 'uninsured', label: t('exposure.uninsured'), value: format.amount(portfolio.uninsuredMinor) },
    { key: 'exposure', label: t('exposure.exposure'), value: format.amount(portfolio.exposureMinor) },
    { key: 'limits', label: t('exposure.limits'), value: format.amount(portfolio.limitMinor) },
    { key: 'overLimit', label: t('exposure.overLimit'), value: format.amount(portfolio.overLimitMinor) },
    { key: 'utilisation', label: t('exposure.utilisation'), value: portfolio.limitMinor > 0 ? format.share(shareBasisPoints(portfolio.exposureMinor, portfolio.limitMinor)) : t('kpi.notAvailable') },
  ];

  const table = (
    <table className="data-table compact" aria-label={t('chart.table', { title })}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`exposure-${row.key}`}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure id="exposure-limits" title={title} caption={<p>{t('exposure.caption')}</p>} table={table} isTableVisible>
      <StackedBarChart title={title} data={data} series={series} stackId={STACK} height={170} format={format} />
    </ChartFigure>
  );
}
