import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BASIS_POINTS_PER_WHOLE } from '../../../../shared/money/basis-points';
import { ChartFigure } from './ChartFigure';
import { StackedBarChart } from './StackedBarChart';
import { bucketColour } from '../../components/chart-theme';
import type { ChartFormat } from './use-chart-format';

export interface BucketRow {
  readonly key: string;
  readonly label: string;
  /** Undefined when the row cannot be shown in the policy currency (no exchange rate). */
  readonly bucketsMinor: readonly number[] | undefined;
  /** A last cell of the row, such as the total in the invoice currency. */
  readonly extra?: ReactNode;
}

const ROW_HEIGHT = 38;
const STACK = 'buckets';

/**
 * Stacked horizontal bars, one per row (the portfolio, a country, a currency), each split into the ageing
 * buckets, with the same figures to the cent in the table below.
 */
export function BucketBarsFigure({ id, title, caption, rowHeader, rows, labels, format, extraHeader, shareRow }: {
  readonly id: string;
  readonly title: string;
  readonly caption: ReactNode;
  readonly rowHeader: string;
  readonly rows: readonly BucketRow[];
  readonly labels: readonly string[];
  readonly format: ChartFormat;
  readonly extraHeader?: string;
  /** Shares of the buckets in basis points, shown as a last row (the portfolio's profile). */
  readonly shareRow?: readonly number[];
}) {
  const { t } = useTranslation('ageing');
  const series = labels.map((name, index) => ({ key: `b${index}`, name, colour: bucketColour(index, labels.length) }));
  const data = rows
    .filter((row) => row.bucketsMinor !== undefined)
    .map((row) => ({ label: row.label, ...Object.fromEntries(row.bucketsMinor!.map((amount, index) => [`b${index}`, amount])) }));
  const total = (buckets: readonly number[]) => buckets.reduce((sum, amount) => sum + amount, 0);

  const table = (
    <table className="data-table compact" aria-label={t('chart.table', { title })}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {labels.map((label) => (
            <th key={label} scope="col" className="numeric">
              {label}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t('buckets.total')}
          </th>
          {extraHeader ? (
            <th scope="col" className="numeric">
              {extraHeader}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.bucketsMinor ? (
              <>
                {row.bucketsMinor.map((amount, index) => (
                  <td key={labels[index]} className="numeric">
                    {format.amount(amount)}
                  </td>
                ))}
                <td className="numeric ageing-total">{format.amount(total(row.bucketsMinor))}</td>
              </>
            ) : (
              <td colSpan={labels.length + 1} className="note">
                {t('currency.noRate')}
              </td>
            )}
            {extraHeader ? <td className="numeric">{row.extra}</td> : null}
          </tr>
        ))}
        {shareRow ? (
          <tr>
            <th scope="row">{t('buckets.share')}</th>
            {shareRow.map((basisPoints, index) => (
              <td key={labels[index]} className="numeric">
                {format.share(basisPoints)}
              </td>
            ))}
            <td className="numeric">{format.share(shareRow.some((share) => share > 0) ? BASIS_POINTS_PER_WHOLE : 0)}</td>
            {extraHeader ? <td /> : null}
          </tr>
        ) : null}
      </tbody>
    </table>
  );

  return (
    <ChartFigure id={id} title={title} caption={caption} table={table} isTableVisible>
      <StackedBarChart title={title} data={data} series={series} stackId={STACK} height={Math.max(2, data.length) * ROW_HEIGHT + 70} format={format} />
    </ChartFigure>
  );
}
