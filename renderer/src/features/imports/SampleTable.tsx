import { useTranslation } from 'react-i18next';
import type { ColumnMapping, OpenItemField } from '../../../../shared/import/open-item-fields';

const SHOWN_ROWS = 8;

/** The file's first rows as they stand, each column labelled with the field it is read as. */
export function SampleTable({ headers, rows, mapping, fieldName }: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly mapping: ColumnMapping; readonly fieldName: (field: OpenItemField) => string }) {
  const { t } = useTranslation('imports');
  const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field as OpenItemField]));
  return (
    <>
      <h3 className="subsection-title">{t('mapping.previewTitle')}</h3>
      <div className="table-scroll sample-table">
        <table className="data-table compact" aria-label={t('mapping.previewTitle')}>
          <thead>
            <tr>
              {headers.map((header, column) => {
                const field = fieldOf.get(column);
                return (
                  <th key={column} scope="col" className={field ? 'is-mapped' : undefined}>
                    {header || t('mapping.columnNumber', { number: column + 1 })}
                    <span className="mapped-as">{field ? fieldName(field) : t('mapping.ignored')}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, index) => (
              <tr key={index}>
                {headers.map((_header, column) => (
                  <td key={column}>{row[column] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
