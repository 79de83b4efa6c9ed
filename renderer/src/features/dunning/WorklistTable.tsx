import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type CurrencyCode } from '../../../../shared/money/money';
import type { WorklistRow } from '../../data/dunning/worklist-rows';
import { useScrollMemory } from '../../components/use-scroll-memory';
import { useFormat } from '../../i18n/use-format';
import type { WorklistLine } from './worklist-query';

/** Rows are measured as they render (a row with a missing-address note wraps); this is the first guess. */
const ROW_ESTIMATE = 40;
/**
 * A list this short is rendered whole (the browser's find and a screen reader's table commands see every
 * entry); a longer one renders the rows in view and a margin around them, so 30,000 entries scroll like 30.
 */
const RENDERED_WHOLE = 200;

interface WorklistTableProps {
  readonly lines: readonly WorklistLine[];
  readonly selected: ReadonlySet<string>;
  readonly currency: CurrencyCode;
  readonly what: (row: WorklistRow) => string;
  readonly onSelect: (entryIds: readonly string[], isSelected: boolean) => void;
  readonly onOpenDebtor: (debtorId: string, section?: 'masterData') => void;
  readonly onPreview: (row: WorklistRow) => void;
  readonly onCall: (row: WorklistRow) => void;
}

/**
 * Every worklist entry in one scrolling table (TanStack Virtual). The keyboard moves a highlighted line
 * (arrows, Page Up/Down, Home/End), Space ticks it (a debtor's heading ticks all its entries) and Enter
 * opens the debtor; Tab goes on to the highlighted entry's checkbox and buttons, and the highlight follows
 * the focus from row to row.
 */
/**
 * The row heights measured when the worklist was last shown: with them the list comes back at exactly the
 * rows it was left at (the rows differ in height, so estimates would place it some pixels off).
 */
let measuredRows: VirtualItem[] | undefined;

export function WorklistTable({ lines, selected, currency, what, onSelect, onOpenDebtor, onPreview, onCall }: WorklistTableProps) {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const isWhole = lines.length <= RENDERED_WHOLE;
  // Back from a debtor or another screen, the worklist shows the entries the controller left (issue 17).
  const scrollMemory = useScrollMemory('dunning-worklist', scroller);
  // TanStack Virtual re-renders through its own subscription; the compiler just leaves this component unmemoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: isWhole ? RENDERED_WHOLE : 15, initialOffset: scrollMemory.savedOffset, initialMeasurementsCache: scrollMemory.savedOffset === undefined ? undefined : measuredRows });
  const current = Math.min(active, Math.max(0, lines.length - 1));
  // The remembered position wins over bringing the first line into view when the worklist comes back.
  const isReturning = useRef(scrollMemory.savedOffset !== undefined);
  useEffect(() => () => void (measuredRows = virtualizer.takeSnapshot()), [virtualizer]);

  useEffect(() => {
    if (isReturning.current || scrollMemory.isRestoring()) {
      isReturning.current = false;
      return;
    }
    if (lines.length > 0 && !isWhole) virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, lines.length, isWhole, virtualizer, scrollMemory]);

  const idsOf = (line: WorklistLine) => (line.kind === 'debtor' ? line.entryIds : [line.row.id]);
  const isLineSelected = (line: WorklistLine) => idsOf(line).every((id) => selected.has(id));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Inside a row's own controls the keys are theirs (Space ticks the checkbox it is on, Enter presses a button).
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_ESTIMATE * 10) / ROW_ESTIMATE) - 1);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: lines.length - 1 };
    const target = moves[event.key];
    const line = lines[current];
    if (target !== undefined) {
      event.preventDefault();
      setActive(Math.min(lines.length - 1, Math.max(0, target)));
    } else if (event.key === ' ' && line) {
      event.preventDefault();
      onSelect(idsOf(line), !isLineSelected(line));
    } else if (event.key === 'Enter' && line) {
      event.preventDefault();
      onOpenDebtor(line.kind === 'debtor' ? line.debtorId : line.row.debtorId);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      // Tab from the list goes on to the highlighted entry's own controls (WCAG 2.4.3 focus order), not back
      // to the first rendered row, which in a long list is far from what the controller was looking at.
      const control = scroller.current?.querySelector<HTMLElement>('tr.is-active input, tr.is-active button');
      if (control) {
        event.preventDefault();
        control.focus();
      }
    }
  };

  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const activeLine = lines[current];
  return (
    <div
      ref={scroller}
      className="grid-scroll worklist-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('worklist.label')}
      aria-describedby="worklist-keys"
      data-active-line={activeLine ? current : undefined}
      onKeyDown={onKeyDown}
    >
      <p id="worklist-keys" className="visually-hidden">{t('worklist.keys')}</p>
      <table className="data-table compact worklist-table" data-testid="worklist" aria-rowcount={lines.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col"><span className="visually-hidden">{t('worklist.select')}</span></th>
            <th scope="col">{t('worklist.debtor')}</th>
            <th scope="col">{t('worklist.what')}</th>
            <th scope="col" className="numeric">{t('worklist.invoices')}</th>
            <th scope="col" className="numeric">{t('worklist.amount')}</th>
            <th scope="col" className="numeric">{t('worklist.daysOverdue')}</th>
            <th scope="col" className="numeric">{t('worklist.risk')}</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <tr aria-hidden="true" className="worklist-spacer" ref={(element) => void element?.style.setProperty('height', `${paddingTop}px`)} />}
          {items.map((item) => {
            const line = lines[item.index]!;
            const isActive = item.index === current;
            if (line.kind === 'debtor') {
              return (
                <tr key={`debtor:${line.debtorId}`} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={item.index + 2} className={isActive ? 'worklist-group is-active' : 'worklist-group'} onClick={() => setActive(item.index)} onFocus={() => setActive(item.index)}>
                  <td><input type="checkbox" aria-label={t('worklist.selectDebtor', { name: line.debtorName })} checked={isLineSelected(line)} onChange={(event) => onSelect(line.entryIds, event.target.checked)} /></td>
                  <th scope="rowgroup" colSpan={6}>
                    <button type="button" className="link-button" onClick={() => onOpenDebtor(line.debtorId)}>{line.debtorName}</button>{' '}
                    <span className="note">{t('worklist.groupCount', { count: line.entryIds.length })}</span>
                  </th>
                </tr>
              );
            }
            const { row } = line;
            return (
              <tr key={row.id} ref={virtualizer.measureElement} data-index={item.index} data-kind={row.task.kind} aria-rowindex={item.index + 2} className={isActive ? 'is-active' : undefined} onClick={() => setActive(item.index)} onFocus={() => setActive(item.index)}>
                <td><input type="checkbox" aria-label={t('worklist.selectEntry', { name: row.debtorName, what: what(row) })} checked={selected.has(row.id)} onChange={(event) => onSelect([row.id], event.target.checked)} /></td>
                <td><button type="button" className="link-button" onClick={() => onOpenDebtor(row.debtorId)}>{row.debtorName}</button></td>
                <td className="wrap">
                  {what(row)}
                  {row.task.kind === 'dunning' && row.task.channel === 'letter' && (
                    <>
                      {' '}
                      <button type="button" className="button button-small" onClick={() => onPreview(row)}>{t('preview.open')}</button>
                    </>
                  )}
                  {row.letterReach && !row.letterReach.address && !row.letterReach.email && (
                    // Never a placeholder address: the entry says what is missing and leads to the field.
                    <span className="is-alert" data-testid="letter-unreachable">
                      {' '}
                      {t('worklist.unreachable')}{' '}
                      <button type="button" className="link-button" onClick={() => onOpenDebtor(row.debtorId, 'masterData')}>{t('worklist.addAddress')}</button>
                    </span>
                  )}
                  {row.letterReach && row.letterReach.address && !row.letterReach.email && <span className="note"> {t('worklist.noEmail')}</span>}
                  {row.task.kind === 'dunning' && row.task.channel === 'call' && (
                    <>
                      {' '}
                      <button type="button" className="button button-small" onClick={() => onCall(row)}>{t('call.record')}</button>
                    </>
                  )}
                </td>
                <td className="numeric">{format.number(row.invoiceCount)}</td>
                <td className="numeric">{format.money(money(row.amountMinor, currency))}</td>
                <td className="numeric">{format.number(row.daysOverdue)}</td>
                <td className="numeric">{format.number(row.riskScore)}</td>
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" className="worklist-spacer" ref={(element) => void element?.style.setProperty('height', `${paddingBottom}px`)} />}
        </tbody>
      </table>
    </div>
  );
}
