import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScrollMemory } from '../../../components/use-scroll-memory';
import { clampColumnRem } from './column-widths';
import type { GridSort } from './grid-query';
import { columnTrack } from './heading-width';
import type { PortfolioColumn } from './portfolio-columns';
import type { PortfolioRow } from './portfolio-row';
import { useColumnText } from './use-column-text';

/** Matches .grid-row's height in app.css: dense enough for a dozen debtors and more at 1440×900 (issue 17). */
const ROW_HEIGHT = 32;
/** The sort direction as a mark beside the heading; screen readers get aria-sort instead. */
const SORT_MARK = { asc: '▲', desc: '▼' } as const;
const NUMERIC_KINDS = new Set<PortfolioColumn['kind']>(['money', 'percent', 'days', 'integer', 'score']);

/** A heading's first click: figures and dates largest / newest first (what a controller looks for), names and codes A–Z. */
function firstSortDirection(column: PortfolioColumn): GridSort['direction'] {
  return NUMERIC_KINDS.has(column.kind) || column.kind === 'date' ? 'desc' : 'asc';
}

interface PortfolioGridProps {
  readonly rows: readonly PortfolioRow[];
  readonly columns: readonly PortfolioColumn[];
  readonly sort: GridSort;
  readonly activeIndex: number;
  readonly onSort: (column: string, firstDirection: GridSort['direction']) => void;
  readonly onActiveIndexChange: (index: number) => void;
  readonly onOpen: (row: PortfolioRow) => void;
  /** A column's new width in rem after a drag of its edge, or undefined to give it back its default width. */
  readonly onResize: (columnId: string, widthRem: number | undefined) => void;
}

/** The width in rem a drag of a column's edge has reached, shown live and kept when the pointer is let go. */
interface ColumnDrag {
  readonly columnId: string;
  readonly startX: number;
  readonly startRem: number;
  readonly widthRem: number;
}

function remPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The debtors as an ARIA grid that renders only the rows in view (TanStack Virtual), so 20,000 debtors
 * scroll as smoothly as 20. The keyboard moves an active row (arrows, Page Up/Down, Home/End) that the
 * grid announces through aria-activedescendant; Enter opens the debtor.
 */
export function PortfolioGrid({ rows, columns: givenColumns, sort, activeIndex, onSort, onActiveIndexChange, onOpen, onResize }: PortfolioGridProps) {
  const { t } = useTranslation('portfolio');
  const text = useColumnText();
  const scroller = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<ColumnDrag>();
  const columns = drag ? givenColumns.map((column) => (column.id === drag.columnId ? { ...column, width: drag.widthRem } : column)) : givenColumns;
  // Back from a debtor or another screen, the grid shows the rows the controller left (issue 17).
  const scrollMemory = useScrollMemory('portfolio-grid', scroller);
  // TanStack Virtual re-renders through its own subscription; the compiler just leaves this component unmemoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialOffset: scrollMemory.savedOffset });
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));
  // The remembered position wins over bringing the active row into view when the grid comes back.
  const isReturning = useRef(scrollMemory.savedOffset !== undefined);

  useEffect(() => {
    if (isReturning.current || scrollMemory.isRestoring()) {
      isReturning.current = false;
      return;
    }
    if (rows.length > 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, rows.length, virtualizer, scrollMemory]);

  // Dragging a column's edge (the handle at the right of its heading) sets its width; a double-click gives
  // it back its default. Keyboard users have Alt+← / Alt+→ on the heading and the Columns menu's reset.
  const onResizeStart = (event: PointerEvent<HTMLSpanElement>, column: PortfolioColumn) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const heading = event.currentTarget.parentElement;
    const startRem = heading ? heading.getBoundingClientRect().width / remPx() : column.width;
    setDrag({ columnId: column.id, startX: event.clientX, startRem, widthRem: clampColumnRem(startRem) });
  };
  const onResizeMove = (event: PointerEvent<HTMLSpanElement>) => {
    if (!drag) return;
    setDrag({ ...drag, widthRem: clampColumnRem(drag.startRem + (event.clientX - drag.startX) / remPx()) });
  };
  const onResizeEnd = () => {
    if (!drag) return;
    if (drag.widthRem !== clampColumnRem(drag.startRem)) onResize(drag.columnId, drag.widthRem);
    setDrag(undefined);
  };
  const onHeadingKeyDown = (event: KeyboardEvent<HTMLButtonElement>, column: PortfolioColumn) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const current = (event.currentTarget.parentElement?.getBoundingClientRect().width ?? 0) / remPx() || column.width;
    onResize(column.id, clampColumnRem(current + (event.key === 'ArrowRight' ? 1 : -1)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The column headings are buttons the Tab key reaches (Enter or Space sorts); the arrows move rows.
    if (event.target instanceof HTMLButtonElement) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      onActiveIndexChange(Math.min(rows.length - 1, Math.max(0, target)));
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      onOpen(rows[active]);
    }
  };

  const template = columns.map((column) => columnTrack(column.width, text.label(column))).join(' ');
  const activeRow = rows[active];
  return (
    <div
      ref={scroller}
      className="grid-scroll"
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      aria-activedescendant={activeRow ? `debtor-row-${activeRow.debtorId}` : undefined}
      onKeyDown={onKeyDown}
      // A custom property set through the CSSOM, which the strict CSP allows (it forbids style attributes in markup).
      style={{ ['--grid-columns' as string]: template }}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {columns.map((column) => {
            const isSorted = sort.column === column.id;
            return (
              <div key={column.id} role="columnheader" aria-sort={isSorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={headingClass(column)}>
                <button type="button" className="grid-sort" onClick={() => onSort(column.id, firstSortDirection(column))} onKeyDown={(event) => onHeadingKeyDown(event, column)} title={t('grid.sortBy', { column: text.label(column) })}>
                  {text.label(column)}
                  <span aria-hidden="true" className="grid-sort-mark">{isSorted ? SORT_MARK[sort.direction] : null}</span>
                </button>
                {/* Pointer-only (hidden from assistive technology, which would read it into the heading's name). */}
                <span
                  aria-hidden="true"
                  className="grid-resize"
                  data-column={column.id}
                  title={t('grid.resizeColumn')}
                  onPointerDown={(event) => onResizeStart(event, column)}
                  onPointerMove={onResizeMove}
                  onPointerUp={onResizeEnd}
                  onPointerCancel={() => setDrag(undefined)}
                  onDoubleClick={() => onResize(column.id, undefined)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={row.debtorId}
              id={`debtor-row-${row.debtorId}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              className={item.index === active ? 'grid-row is-active' : 'grid-row'}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onActiveIndexChange(item.index)}
              onDoubleClick={() => onOpen(row)}
            >
              {columns.map((column) => (
                <div key={column.id} role="gridcell" className={cellClass(column, row)}>
                  {column.id === 'name' ? (
                    <button type="button" className="link-button" tabIndex={-1} onClick={() => onOpen(row)}>
                      {row.name}
                    </button>
                  ) : (
                    text.cell(column, row)
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The debtor's name stays in view while the figures scroll sideways (issue 17). */
const PINNED_COLUMN = 'name';

function headingClass(column: PortfolioColumn): string {
  const classes = ['grid-cell'];
  if (NUMERIC_KINDS.has(column.kind)) classes.push('numeric');
  if (column.id === PINNED_COLUMN) classes.push('is-pinned');
  return classes.join(' ');
}

function cellClass(column: PortfolioColumn, row: PortfolioRow): string {
  const classes = ['grid-cell'];
  if (column.id === PINNED_COLUMN) classes.push('is-pinned');
  if (NUMERIC_KINDS.has(column.kind)) classes.push('numeric');
  if (column.id === 'risk') classes.push(`risk-${row.riskBand}`);
  if (column.id === 'utilisation' && row.summary.overLimitMinor > 0 && row.summary.limitMinor > 0) classes.push('is-alert');
  return classes.join(' ');
}
