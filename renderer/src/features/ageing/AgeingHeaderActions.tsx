import { useTranslation } from 'react-i18next';
import type { ExportTable } from '../../../../shared/export/export-table';
import { useClock } from '../../app/app-clock';
import { ExportButtons, exportFileName } from '../../components/ExportButtons';
import type { AgeingDashboardData } from '../../data/dashboard/ageing-dashboard-data';
import { useBucketLabels } from '../../i18n/use-bucket-labels';
import { useCountryName } from '../../i18n/use-country-name';
import { useAgeingReportExport } from '../reports/use-ageing-report-export';

/**
 * The ageing screen's exports: the printable PDF ageing report, and the ageing per country and per
 * invoice currency as Excel or CSV (once the dashboard has been computed).
 */
export function AgeingHeaderActions({ dashboard }: { readonly dashboard: AgeingDashboardData | undefined }) {
  const { t } = useTranslation(['ageing', 'reports']);
  const countryName = useCountryName();
  const labels = useBucketLabels(dashboard?.buckets);
  const report = useAgeingReportExport();
  const today = useClock().today();
  const table = (): ExportTable => {
    const current = dashboard!.current;
    const row = (label: string, buckets: readonly number[]) => [label, ...buckets, buckets.reduce((sum, amount) => sum + amount, 0)];
    return {
      title: t('reports:title'),
      columns: [{ header: t('reports:columns.name'), kind: 'text' }, ...labels.map((header) => ({ header, kind: 'money' as const, currency: current.currency })), { header: t('reports:columns.open'), kind: 'money', currency: current.currency }],
      rows: [
        row(t('reports:total'), current.bucketsMinor),
        ...current.byCountry.map((entry) => row(countryName(entry.country), entry.bucketsMinor)),
        ...current.byCurrency.flatMap((entry) => (entry.bucketsMinor ? [row(entry.currency, entry.bucketsMinor)] : [])),
      ],
    };
  };
  return dashboard ? <ExportButtons table={table} fileName={exportFileName(t('reports:title'), today)} extra={report} /> : null;
}
