import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../../shared/domain/dashboard/ageing-trend';
import { toIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { useFormat } from '../../i18n/use-format';
import { ChartFigure } from './ChartFigure';
import { ChartTooltip } from './ChartTooltip';
import { CHART_COLOURS, TREND_TICKS } from '../../components/chart-theme';
import type { ChartFormat } from './use-chart-format';

/** Days start at zero, so a rise from 40 to 45 days does not look like a doubling. */
const DAYS_DOMAIN: [number, 'auto'] = [0, 'auto'];

/**
 * DSO at each month-end, from the same as-of reconstruction as the ageing trend. Dates whose 90-day sales
 * window reaches back before the ledgers begin have no DSO and are left out rather than guessed.
 */
export function DsoTrendFigure({ points, today, format }: { readonly points: readonly TrendPoint[]; readonly today: IsoDate; readonly format: ChartFormat }) {
  const { t } = useTranslation('ageing');
  const { date } = useFormat();
  const title = t('dsoTrend.title');
  const withDso = points.filter((point) => point.dso !== undefined);
  const days = (value: number) => t('kpi.days', { days: format.days(value) });
  const series = [{ key: 'dso', name: t('dsoTrend.value'), colour: CHART_COLOURS.line }];
  const data = withDso.map((point) => ({ label: format.trendDate(point.asOf, point.asOf === today), dso: point.dso }));

  const table = (
    <table className="data-table compact" aria-label={t('chart.table', { title })}>
      <thead>
        <tr>
          <th scope="col">{t('trend.date')}</th>
          <th scope="col" className="numeric">
            {t('dsoTrend.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {withDso.map((point) => (
          <tr key={point.asOf}>
            <th scope="row">{date(toIsoDate(point.asOf))}</th>
            <td className="numeric">{days(point.dso!)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const caption = (
    <>
      <p>{t('dsoTrend.caption')}</p>
      {withDso.length < points.length ? <p className="note">{t('dsoTrend.gaps')}</p> : null}
    </>
  );
  return (
    <ChartFigure id="dso-trend" title={title} caption={caption} table={table} isTableVisible={false}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} title={title} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
          <XAxis dataKey="label" stroke={CHART_COLOURS.axis} interval={TREND_TICKS} />
          <YAxis tickFormatter={(value: number) => format.days(value)} stroke={CHART_COLOURS.axis} width={48} domain={DAYS_DOMAIN} />
          <Tooltip content={<ChartTooltip series={series} format={days} showTotal={false} />} isAnimationActive={false} />
          <Line type="linear" dataKey="dso" name={series[0]!.name} stroke={CHART_COLOURS.line} strokeWidth={2} dot={{ r: 3, fill: CHART_COLOURS.line }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
