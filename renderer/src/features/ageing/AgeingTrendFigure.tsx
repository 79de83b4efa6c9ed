import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { trendDates, type TrendPoint } from '../../../../shared/domain/dashboard/ageing-trend';
import { toIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { useFormat } from '../../i18n/use-format';
import { ChartFigure } from './ChartFigure';
import { ChartTooltip } from './ChartTooltip';
import { bucketColour, CHART_COLOURS, legendLabel, legendOrder, TREND_TICKS } from '../../components/chart-theme';
import type { ChartFormat } from './use-chart-format';

const STACK = 'trend';

/** The portfolio's ageing at each of the last twelve month-ends and today, as stacked areas by bucket. */
export function AgeingTrendFigure({ points, today, historyStart, labels, format }: {
  readonly points: readonly TrendPoint[];
  readonly today: IsoDate;
  readonly historyStart: IsoDate | undefined;
  readonly labels: readonly string[];
  readonly format: ChartFormat;
}) {
  const { t } = useTranslation('ageing');
  const { date } = useFormat();
  const title = t('trend.title');
  const series = labels.map((name, index) => ({ key: `b${index}`, name, colour: bucketColour(index, labels.length) }));
  const data = points.map((point) => ({
    label: format.trendDate(point.asOf, point.asOf === today),
    ...Object.fromEntries(point.bucketsMinor.map((amount, index) => [`b${index}`, amount])),
  }));
  // Fewer month-ends than asked for: the ledgers do not reach back a whole year.
  const startsLate = historyStart !== undefined && points[0]?.asOf !== trendDates(today)[0];

  const table = (
    <table className="data-table compact" aria-label={t('chart.table', { title })}>
      <thead>
        <tr>
          <th scope="col">{t('trend.date')}</th>
          {labels.map((label) => (
            <th key={label} scope="col" className="numeric">
              {label}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t('buckets.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.asOf}>
            <th scope="row">{date(toIsoDate(point.asOf))}</th>
            {point.bucketsMinor.map((amount, index) => (
              <td key={labels[index]} className="numeric">
                {format.amount(amount)}
              </td>
            ))}
            <td className="numeric">{format.amount(point.bucketsMinor.reduce((sum, amount) => sum + amount, 0))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const caption = (
    <>
      <p>{t('trend.caption')}</p>
      {startsLate ? <p className="note">{t('trend.historyStart', { date: date(historyStart) })}</p> : null}
    </>
  );
  return (
    <ChartFigure id="ageing-trend" title={title} caption={caption} table={table} isTableVisible={false}>
      <ResponsiveContainer width="100%" height={300}>
        <AreaChart data={data} title={title} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
          <XAxis dataKey="label" stroke={CHART_COLOURS.axis} interval={TREND_TICKS} />
          <YAxis tickFormatter={format.compactAmount} stroke={CHART_COLOURS.axis} width={80} />
          <Tooltip content={<ChartTooltip series={series} format={format.amount} showTotal />} isAnimationActive={false} />
          <Legend itemSorter={legendOrder(series)} formatter={legendLabel} />
          {series.map((entry) => (
            <Area key={entry.key} type="linear" dataKey={entry.key} name={entry.name} stackId={STACK} stroke={entry.colour} fill={entry.colour} fillOpacity={0.85} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
