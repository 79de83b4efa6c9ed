import { useTranslation } from 'react-i18next';
import { useClock } from '../../app/app-clock';
import { exportFileName, saveExportFile } from '../../components/ExportButtons';
import { dataWorker } from '../../data/data-client';
import { usePortfolioSummary } from '../../data/queries/use-portfolio';
import { useBucketLabels } from '../../i18n/use-bucket-labels';
import { useCeiText } from '../../i18n/use-cei-text';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';

/**
 * Makes the printable PDF ageing report in the UI language and saves it where the controller chooses:
 * the texts and KPI figures come from here, the amounts from the store (read in the data worker).
 */
export function useAgeingReportExport(): { readonly label: string; readonly run: () => Promise<string | null> } {
  const { t } = useTranslation(['reports', 'portfolio', 'common']);
  const format = useFormat();
  const ceiText = useCeiText();
  const { formatLocale } = useLanguage();
  const clock = useClock();
  const bucketLabels = useBucketLabels();
  const portfolio = usePortfolioSummary();
  const days = (value: number | undefined) => (value === undefined ? t('portfolio:kpi.notAvailable') : t('portfolio:kpi.days', { days: format.number(value, 1) }));

  const run = async (): Promise<string | null> => {
    if (!portfolio) return null;
    const now = clock.now();
    const today = clock.today();
    // No number without its meaning: a period without one says why beside the dash (issue 17).
    const cei = ceiText(portfolio.cei);
    const bytes = await dataWorker().ageingReportPdf({
      today,
      generatedAt: now.toISOString(),
      formatLocale,
      bucketLabels,
      kpis: [
        { label: t('reports:kpis.debtors'), value: format.number(portfolio.debtorsWithOpenItems) },
        { label: t('portfolio:kpi.dso'), value: days(portfolio.dso) },
        { label: t('reports:kpis.add'), value: days(portfolio.averageDaysDelinquent) },
        { label: t('portfolio:kpi.cei'), value: cei.reason ? `${cei.value} (${cei.reason})` : cei.value },
        { label: t('portfolio:kpi.uninsured'), value: format.money({ amountMinor: portfolio.uninsuredMinor, currency: portfolio.currency }) },
      ],
      text: {
        title: t('reports:title'),
        subtitle: t('reports:subtitle', { date: format.date(portfolio.asOf), currency: portfolio.currency }),
        generated: t('reports:generated', { at: format.dateTime(now) }),
        summaryHeading: t('reports:summaryHeading'),
        countryHeading: t('reports:countryHeading'),
        currencyHeading: t('reports:currencyHeading'),
        debtorHeading: t('reports:debtorHeading'),
        columns: { name: t('reports:columns.name'), open: t('reports:columns.open'), overdue: t('reports:columns.overdue'), daysOverdue: t('reports:columns.daysOverdue'), risk: t('reports:columns.risk') },
        totalLabel: t('reports:total'),
        pageTemplate: t('reports:page', { page: '{{page}}', pages: '{{pages}}' }),
        notConvertedTemplate: t('common:conversion.notConverted', { amounts: '{{amounts}}' }),
        unknownCountry: t('common:country.unknown'),
        otherDebtorsTemplates: { one: t('reports:otherDebtors', { count: 1, formatted: '{{count}}' }), other: t('reports:otherDebtors', { count: 2, formatted: '{{count}}' }) },
      },
    });
    return bytes ? saveExportFile('pdf', exportFileName(t('reports:title'), today), bytes) : null;
  };
  return { label: t('reports:button'), run };
}
