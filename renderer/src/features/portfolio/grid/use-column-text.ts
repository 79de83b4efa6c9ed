import { useTranslation } from 'react-i18next';
import { money } from '../../../../../shared/money/money';
import { toIsoDate } from '../../../../../shared/time/iso-date';
import { useBucketLabels } from '../../../i18n/use-bucket-labels';
import { useCountryName } from '../../../i18n/use-country-name';
import { unconvertedAmounts } from '../../../../../shared/domain/summaries/unconverted';
import { useConvertedMoney } from '../../../i18n/use-converted-money';
import { useFormat } from '../../../i18n/use-format';
import { BUCKET_COLUMN_PREFIX, type PortfolioColumn } from './portfolio-columns';
import type { PortfolioRow } from './portfolio-row';

type FixedColumnId = 'name' | 'customerCode' | 'country' | 'currency' | 'segment' | 'risk' | 'grade' | 'exposure' | 'limit' | 'utilisation' | 'limitState' | 'internalLimit' | 'overdue' | 'daysOverdue' | 'disputed' | 'dso' | 'add' | 'lastPayment' | 'dunningStage' | 'nextAction';

/** Column headings and cell texts of the portfolio grid in the UI language; the export uses the same texts. */
export function useColumnText() {
  const { t } = useTranslation(['portfolio', 'limits', 'dunning']);
  const format = useFormat();
  const countryName = useCountryName();
  const buckets = useBucketLabels();
  const convertedMoney = useConvertedMoney();
  const days = (value: number | undefined) => (value === undefined ? '–' : format.number(Math.round(value)));

  const label = (column: PortfolioColumn): string =>
    column.id.startsWith(BUCKET_COLUMN_PREFIX) ? (buckets[Number(column.id.slice(BUCKET_COLUMN_PREFIX.length))] ?? column.id) : t(`portfolio:columns.${column.id as FixedColumnId}`);

  const cell = (column: PortfolioColumn, row: PortfolioRow): string => {
    const amount = (minor: number) => format.money(money(minor, row.summary.currency));
    // Amounts without a rate are shown in their own currency beside the converted part (issue 13).
    const withUnconverted = (minor: number, figure: Parameters<typeof unconvertedAmounts>[1]) => convertedMoney(minor, row.summary.currency, unconvertedAmounts(row.summary.unconverted, figure));
    if (column.id.startsWith(BUCKET_COLUMN_PREFIX)) {
      const bucket = Number(column.id.slice(BUCKET_COLUMN_PREFIX.length));
      return withUnconverted(row.summary.bucketsMinor[bucket] ?? 0, (figures) => figures.bucketsMinor[bucket] ?? 0);
    }
    switch (column.id as FixedColumnId) {
      case 'name': return row.name;
      case 'customerCode': return row.customerCode;
      case 'country': return countryName(row.country);
      case 'currency': return row.currency;
      case 'segment': return row.segment;
      case 'risk': return (row.summary.unconvertedCurrencies ?? []).length > 0 ? t('portfolio:conversion.riskIncomplete', { score: format.number(row.riskScore), currencies: row.summary.unconvertedCurrencies.join(', ') }) : format.number(row.riskScore);
      case 'grade': return row.grade === undefined ? '–' : format.number(row.grade);
      case 'exposure': return withUnconverted(row.summary.exposureMinor, 'exposureMinor');
      case 'limit': return amount(row.summary.limitMinor);
      case 'utilisation': return row.summary.utilisation === undefined ? '–' : format.percent(row.summary.utilisation);
      case 'limitState': return row.summary.upcomingLimit && row.limitState === 'SCHEDULED' ? t('limits:stateScheduled', { date: format.date(row.summary.upcomingLimit.from), amount: amount(row.summary.upcomingLimit.amountMinor) }) : t(`limits:state.${row.limitState}`);
      case 'internalLimit': return row.summary.internalLimitMinor === undefined ? '–' : amount(row.summary.internalLimitMinor);
      case 'overdue': return withUnconverted(row.summary.overdueMinor, 'overdueMinor');
      case 'daysOverdue': return row.summary.overdueMinor > 0 ? days(row.summary.maxDaysOverdue) : '–';
      case 'disputed': return amount(row.summary.disputedMinor);
      case 'dso': return days(row.summary.dso);
      case 'add': return days(row.summary.averageDaysDelinquent);
      case 'lastPayment': return row.summary.lastPaymentDate ? format.date(toIsoDate(row.summary.lastPaymentDate)) : '–';
      case 'dunningStage': return row.dunningStage ? t(`dunning:steps.${row.dunningStage}`) : t('portfolio:grid.noDunning');
      case 'nextAction': return row.nextAction ? t('portfolio:grid.nextAction', { step: t(`dunning:steps.${row.nextAction.step}`), date: format.date(row.nextAction.on) }) : '–';
    }
  };

  /** What a row owes without a rate, for the export's "Not converted" column: "£14,845.00 not converted". */
  const notConverted = (row: PortfolioRow): string => convertedMoney(0, row.summary.currency, unconvertedAmounts(row.summary.unconverted, 'exposureMinor'));

  return { label, cell, notConverted, t };
}
