import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthOfPayments } from '../../../../shared/domain/debtor-page/payment-behaviour';
import { isoDateToUtcMs } from '../../../../shared/time/iso-date';
import { CHART_COLOURS } from '../../components/chart-theme';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';

const TOOLTIP_STYLE = { backgroundColor: 'var(--color-surface)', borderColor: 'var(--color-border)', color: 'var(--color-text)' } as const;

/**
 * Days late month by month (bars) and the share paid on time (line) over the last twelve months: whether
 * the debtor is sliding is what a controller reads here before raising or cutting a limit.
 */
export function PaymentBehaviourChart({ months }: { readonly months: readonly MonthOfPayments[] }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const monthName = new Intl.DateTimeFormat(formatLocale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const data = months.map((month) => ({
    label: monthName.format(isoDateToUtcMs(month.month)),
    daysLate: month.averageDaysLate === undefined ? null : Math.round(month.averageDaysLate * 10) / 10,
    onTime: month.onTimeShare === undefined ? null : Math.round(month.onTimeShare * 1000) / 10,
    count: month.paymentCount,
  }));
  const hasPayments = months.some((month) => month.paymentCount > 0);
  return (
    <section className="panel" aria-labelledby="behaviour-title">
      <h2 id="behaviour-title" className="section-title">{t('behaviour.title')}</h2>
      {!hasPayments ? (
        <p className="note">{t('behaviour.none')}</p>
      ) : (
        <figure className="chart">
          <figcaption className="note">{t('behaviour.caption')}</figcaption>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={260}>
              {/* Hidden from assistive technology (the table below says the same), so it must not take focus either (axe aria-hidden-focus). */}
              <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLOURS.grid} />
                <XAxis dataKey="label" stroke={CHART_COLOURS.axis} />
                <YAxis yAxisId="days" tickFormatter={(value: number) => format.number(value)} stroke={CHART_COLOURS.axis} />
                <YAxis yAxisId="share" orientation="right" domain={[0, 100]} tickFormatter={(value: number) => format.percent(value / 100)} stroke={CHART_COLOURS.axis} />
                {/* Recharts' own tooltip box is white unless told otherwise: in the theme's colours instead. */}
                <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ stroke: CHART_COLOURS.axis }} formatter={(value, name) => (name === t('behaviour.onTime') ? format.percent(Number(value) / 100) : t('behaviour.days', { days: format.number(Number(value), 1) }))} />
                <Legend />
                <Bar yAxisId="days" dataKey="daysLate" name={t('behaviour.daysLate')} fill={CHART_COLOURS.uninsured} />
                <Line yAxisId="share" dataKey="onTime" name={t('behaviour.onTime')} stroke={CHART_COLOURS.line} strokeWidth={2} connectNulls />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <table className="visually-hidden" aria-label={t('behaviour.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('behaviour.month')}</th>
                <th scope="col">{t('behaviour.daysLate')}</th>
                <th scope="col">{t('behaviour.onTime')}</th>
                <th scope="col">{t('behaviour.payments')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((month) => (
                <tr key={month.label}>
                  <th scope="row">{month.label}</th>
                  <td>{month.daysLate === null ? '–' : format.number(month.daysLate, 1)}</td>
                  <td>{month.onTime === null ? '–' : format.percent(month.onTime / 100)}</td>
                  <td>{format.number(month.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </section>
  );
}
