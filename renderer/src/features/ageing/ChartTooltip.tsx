import type { TooltipContentProps } from 'recharts';
import { useTranslation } from 'react-i18next';

interface Series {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
}

/**
 * The tooltip of the dashboard's charts: the category, then each series in the legend's order (Recharts
 * would sort them by name) with its full amount, then the total. Colours are SVG fills, not inline styles.
 */
export function ChartTooltip({ active, payload, label, series, format, showTotal }: Partial<TooltipContentProps> & {
  readonly series: readonly Series[];
  readonly format: (value: number) => string;
  readonly showTotal: boolean;
}) {
  const { t } = useTranslation('ageing');
  if (!active || !payload || payload.length === 0) return null;
  const row = payload[0]?.payload as Record<string, number | string | undefined> | undefined;
  if (!row) return null;
  const shown = series.filter((entry) => typeof row[entry.key] === 'number');
  const total = shown.reduce((sum, entry) => sum + (row[entry.key] as number), 0);
  return (
    <div className="ageing-tooltip">
      <p className="ageing-tooltip-label">{label}</p>
      <table>
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.key}>
              <th scope="row">
                <svg className="ageing-swatch" viewBox="0 0 10 10" aria-hidden="true">
                  <rect width="10" height="10" rx="2" fill={entry.colour} />
                </svg>
                {entry.name}
              </th>
              <td className="numeric">{format(row[entry.key] as number)}</td>
            </tr>
          ))}
          {showTotal && shown.length > 1 ? (
            <tr className="ageing-tooltip-total">
              <th scope="row">{t('buckets.total')}</th>
              <td className="numeric">{format(total)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
