import { useDeferredValue, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClock } from '../../../app/app-clock';
import { useNavigationStore } from '../../../app/navigation-store';
import { ExportButtons, exportFileName } from '../../../components/ExportButtons';
import { useFormat } from '../../../i18n/use-format';
import { useLanguage } from '../../../i18n/use-language';
import { ColumnChooser } from './ColumnChooser';
import { resetColumnWidths, saveColumnWidth, useColumnWidths, withColumnWidths } from './column-widths';
import { GridFilters } from './GridFilters';
import { portfolioExportTable } from './grid-export';
import { applyGridQuery } from './grid-query';
import { defaultVisibleColumns, portfolioColumns } from './portfolio-columns';
import { usePortfolioGridStore } from './portfolio-grid-store';
import { PortfolioGrid } from './PortfolioGrid';
import { SavedViews } from './SavedViews';
import { useAgeingReportExport } from '../../reports/use-ageing-report-export';
import { useColumnText } from './use-column-text';
import { usePortfolioRows } from './use-portfolio-rows';

/** Search, filters, views and columns above the virtualised grid of every debtor. */
export function PortfolioGridSection({ currency, bucketCount }: { readonly currency: string; readonly bucketCount: number }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const rows = usePortfolioRows();
  const text = useColumnText();
  const today = useClock().today();
  const report = useAgeingReportExport();
  const state = usePortfolioGridStore();
  const openDebtor = useNavigationStore((navigation) => navigation.openDebtor);
  const search = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => portfolioColumns(bucketCount), [bucketCount]);
  const visibleIds = state.columns ?? defaultVisibleColumns(columns);
  const widths = useColumnWidths();
  const visible = withColumnWidths(columns.filter((column) => visibleIds.includes(column.id)), widths);
  // Typing stays responsive at tier L: React renders the new search term first and filters just after.
  const query = useDeferredValue(state.query);
  // The grid's headings take their sort mark and aria-sort from this deferred query too, so they say the order of
  // the rows shown: taken from the click, they ran a render ahead of the rows (and a test read the old order).
  const shown = useMemo(() => (rows ? applyGridQuery(rows, query, columns, formatLocale) : []), [rows, query, columns, formatLocale]);

  if (!rows) return <p className="note">{t('grid.loading')}</p>;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      search.current?.focus();
    }
  };
  return (
    <section className="portfolio-grid" aria-labelledby="portfolio-grid-title" onKeyDown={onKeyDown}>
      {/* The count on the title's line: one line less above the grid (issue 17). */}
      <div className="section-heading">
        <h2 id="portfolio-grid-title" className="section-title">{t('grid.title')}</h2>
        <p className="note" role="status" data-testid="grid-count">
          {t('grid.count', { count: rows.length, shown: format.number(shown.length), total: format.number(rows.length) })}
        </p>
      </div>
      <div className="grid-toolbar">
        <label className="grid-search">
          <span>{t('grid.search')}</span>
          <input ref={search} type="search" value={state.query.search} placeholder={t('grid.searchPlaceholder')} onChange={(event) => state.setSearch(event.target.value)} />
        </label>
        <SavedViews query={state.query} columns={visibleIds} onApply={state.applyView} />
        <ColumnChooser columns={columns} visible={visibleIds} onChange={state.setColumns} hasCustomWidths={Object.keys(widths).length > 0} onResetWidths={() => void resetColumnWidths()} />
        <ExportButtons
          extra={report}
          fileName={exportFileName(t('grid.title'), today)}
          table={() => portfolioExportTable({ title: t('grid.title'), rows: shown, columns: visible, currency, label: text.label, text: text.cell, notConverted: { header: t('conversion.notConvertedColumn'), text: text.notConverted } })}
        />
      </div>
      <GridFilters rows={rows} filters={state.query.filters} currency={currency} onChange={state.setFilters} />
      <PortfolioGrid rows={shown} columns={visible} sort={query.sort} activeIndex={state.activeIndex} onSort={state.sortBy} onActiveIndexChange={state.setActiveIndex} onOpen={(row) => openDebtor(row.debtorId, row.chunkId)} onResize={(columnId, widthRem) => void saveColumnWidth(columnId, widthRem)} />
    </section>
  );
}
