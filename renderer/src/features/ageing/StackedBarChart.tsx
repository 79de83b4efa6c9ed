import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLOURS, legendLabel, legendOrder } from '../../components/chart-theme';
import { ChartTooltip } from './ChartTooltip';
import type { ChartFormat } from './use-chart-format';

export interface StackedSeries {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
}

/**
 * Horizontal bars stacked from `series`, one bar per data row labelled by its `label`: the shape the
 * dashboard's ageing and exposure figures share, with its tooltip, legend order and locale axis.
 */
export function StackedBarChart({ title, data, series, stackId, height, format }: {
  readonly title: string;
  readonly data: readonly Record<string, string | number | undefined>[];
  readonly series: readonly StackedSeries[];
  readonly stackId: string;
  readonly height: number;
  readonly format: ChartFormat;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...data]} layout="vertical" title={title} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
        <XAxis type="number" tickFormatter={format.compactAmount} stroke={CHART_COLOURS.axis} />
        <YAxis type="category" dataKey="label" width={120} stroke={CHART_COLOURS.axis} />
        <Tooltip content={<ChartTooltip series={series} format={format.amount} showTotal />} cursor={{ fill: CHART_COLOURS.cursor }} isAnimationActive={false} />
        <Legend itemSorter={legendOrder(series)} formatter={legendLabel} />
        {series.map((entry) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.name} stackId={stackId} fill={entry.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
