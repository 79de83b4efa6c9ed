import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sampled } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';

export interface SampledColumn {
  readonly label: string;
  readonly isNumeric?: boolean;
}

/**
 * A short table of the first rows of a preview list. Previews keep only a sample of long lists (a
 * million-row export may settle 100,000 invoices), so the table says when it shows only the first ones.
 */
export function SampledTable<T>({ label, rows, columns, children }: {
  readonly label: string;
  readonly rows: Sampled<T>;
  readonly columns: readonly SampledColumn[];
  readonly children: (row: T) => ReactNode;
}) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  return (
    <>
      {rows.sample.length < rows.count ? <p className="note">{t('preview.firstOnly', { shown: format.number(rows.sample.length), total: format.number(rows.count) })}</p> : null}
      <div className="table-scroll short-table" tabIndex={0}>
        <table className="data-table compact" aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.isNumeric ? 'numeric' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows.sample.map(children)}</tbody>
        </table>
      </div>
    </>
  );
}
