import { useTranslation } from 'react-i18next';
import { money } from '../../../../../shared/money/money';
import { toIsoDate } from '../../../../../shared/time/iso-date';
import { useBucketLabels } from '../../../i18n/use-bucket-labels';
import { useCountryName } from '../../../i18n/use-country-name';
import { useFormat } from '../../../i18n/use-format';
import { BUCKET_COLUMN_PREFIX, type PortfolioColumn } from './portfolio-columns';
import type { PortfolioRow } from './portfolio-row';

type FixedColumnId = 'name' | 'customerCode' | 'country' | 'currency' | 'segment' | 'risk' | 'grade' | 'exposure' | 'limit' | 'utilisation' | 'limitState' | 'overdue' | 'daysOverdue' | 'disputed' | 'dso' | 'add' | 'lastPayment' | 'dunningStage' | 'nextAction';

/** Column headings and cell texts of the portfolio grid in the UI language; the export uses the same texts. */
export function useColumnText() {
  const { t } = useTranslation(['portfolio', 'limits', 'dunning']);
  const format = useFormat();
  const countryName = useCountryName();
  const buckets = useBucketLabels();
  const days = (value: number | undefined) => (value === undefined ? '–' : format.number(Math.round(value)));

  const label = (column: PortfolioColumn): string =>
    column.id.startsWith(BUCKET_COLUMN_PREFIX) ? (buckets[Number(column.id.slice(BUCKET_COLUMN_PREFIX.length))] ?? column.id) : t(`portfolio:columns.${column.id as FixedColumnId}`);

  const cell = (column: PortfolioColumn, row: PortfolioRow): string => {
    const amount = (minor: number) => format.money(money(minor, row.summary.currency));
    if (column.id.startsWith(BUCKET_COLUMN_PREFIX)) return amount(row.summary.bucketsMinor[Number(column.id.slice(BUCKET_COLUMN_PREFIX.length))] ?? 0);
    switch (column.id as FixedColumnId) {
      case 'name': return row.name;
      case 'customerCode': return row.customerCode;
      case 'country': return countryName(row.country);
      case 'currency': return row.currency;
      case 'segment': return row.segment;
      case 'risk': return format.number(row.riskScore);
      case 'grade': return row.grade === undefined ? '–' : format.number(row.grade);
      case 'exposure': return amount(row.summary.exposureMinor);
      case 'limit': return amount(row.summary.limitMinor);
      case 'utilisation': return row.summary.utilisation === undefined ? '–' : format.percent(row.summary.utilisation);
      case 'limitState': return t(`limits:state.${row.limitState}`);
      case 'overdue': return amount(row.summary.overdueMinor);
      case 'daysOverdue': return row.summary.overdueMinor > 0 ? days(row.summary.maxDaysOverdue) : '–';
      case 'disputed': return amount(row.summary.disputedMinor);
      case 'dso': return days(row.summary.dso);
      case 'add': return days(row.summary.averageDaysDelinquent);
      case 'lastPayment': return row.summary.lastPaymentDate ? format.date(toIsoDate(row.summary.lastPaymentDate)) : '–';
      case 'dunningStage': return row.dunningStage ? t(`dunning:steps.${row.dunningStage}`) : t('portfolio:grid.noDunning');
      case 'nextAction': return row.nextAction ? t('portfolio:grid.nextAction', { step: t(`dunning:steps.${row.nextAction.step}`), date: format.date(row.nextAction.on) }) : '–';
    }
  };

  return { label, cell, t };
}
