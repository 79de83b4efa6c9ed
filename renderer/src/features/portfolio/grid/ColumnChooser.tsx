import { useTranslation } from 'react-i18next';
import type { PortfolioColumn } from './portfolio-columns';
import { useColumnText } from './use-column-text';

interface ColumnChooserProps {
  readonly columns: readonly PortfolioColumn[];
  readonly visible: readonly string[];
  readonly onChange: (visible: readonly string[] | undefined) => void;
  /** Whether the controller has widened or narrowed a column (by dragging its edge). */
  readonly hasCustomWidths: boolean;
  readonly onResetWidths: () => void;
}

/** Which columns the grid shows; the debtor's name always stays. Kept in the column order of the grid. */
export function ColumnChooser({ columns, visible, onChange, hasCustomWidths, onResetWidths }: ColumnChooserProps) {
  const { t } = useTranslation('portfolio');
  const text = useColumnText();
  const toggle = (id: string, isOn: boolean) => {
    const chosen = new Set(visible);
    if (isOn) chosen.add(id);
    else chosen.delete(id);
    onChange(columns.map((column) => column.id).filter((candidate) => chosen.has(candidate)));
  };
  return (
    <details className="menu-button">
      <summary>{t('grid.columns')}</summary>
      <div className="menu-panel" role="group" aria-label={t('grid.columns')}>
        {columns.map((column) => (
          <label key={column.id} className="checkbox">
            <input type="checkbox" checked={visible.includes(column.id)} disabled={column.id === 'name'} onChange={(event) => toggle(column.id, event.target.checked)} />
            <span>{text.label(column)}</span>
          </label>
        ))}
        <button type="button" className="button" onClick={() => onChange(undefined)}>
          {t('grid.defaultColumns')}
        </button>
        {/* The keyboard's way back from widths set by dragging (a double-click on a column's edge does the same). */}
        <button type="button" className="button" disabled={!hasCustomWidths} onClick={onResetWidths}>
          {t('grid.defaultWidths')}
        </button>
      </div>
    </details>
  );
}
