import { useTranslation } from 'react-i18next';
import type { ColumnMapping, TableField } from '../../../../shared/import/open-item-fields';
import { parseAmount, type DecimalSeparator } from '../../../../shared/import/parse-amount';
import { parseDate, type DateFormat } from '../../../../shared/import/parse-date';
import { isCurrencyCode, minorUnitDigits, money } from '../../../../shared/money/money';
import { useFormat } from '../../i18n/use-format';

const SHOWN_ROWS = 8;
const AMOUNT_FIELDS: readonly TableField[] = ['openAmount', 'amount'];
const DATE_FIELDS: readonly TableField[] = ['invoiceDate', 'dueDate'];

/** How the rows are read: a change of decimal mark or date format shows in the preview at once. */
export interface SampleReading {
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat | '';
  readonly defaultCurrency: string;
}

/**
 * The file's first rows as they stand, each column labelled with the field it is read as; under each
 * amount and date, what Kredo reads it as with the chosen conventions (or that it cannot read it).
 */
export function SampleTable({ headers, rows, mapping, fieldName, reading }: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly mapping: ColumnMapping; readonly fieldName: (field: TableField) => string; readonly reading: SampleReading }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field as TableField]));

  const readAs = (field: TableField | undefined, value: string, row: readonly string[]): { text: string; isUnreadable: boolean } | undefined => {
    if (!field || value.trim() === '') return undefined;
    if (AMOUNT_FIELDS.includes(field)) {
      const stated = mapping.currency === undefined ? '' : (row[mapping.currency] ?? '').trim().toUpperCase();
      const currency = stated || reading.defaultCurrency;
      if (!isCurrencyCode(currency)) return undefined;
      const amount = parseAmount(value, reading.decimal, minorUnitDigits(currency));
      return amount.ok ? { text: format.money(money(amount.minor, currency)), isUnreadable: false } : { text: t(`reject.${amount.code}`), isUnreadable: true };
    }
    if (DATE_FIELDS.includes(field)) {
      if (reading.dateFormat === '') return undefined;
      const date = parseDate(value, reading.dateFormat);
      return date ? { text: format.date(date), isUnreadable: false } : { text: t('reject.dateInvalid'), isUnreadable: true };
    }
    return undefined;
  };

  return (
    <>
      <h3 className="subsection-title">{t('mapping.previewTitle')}</h3>
      <div className="table-scroll sample-table" tabIndex={0}>
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
                {headers.map((_header, column) => {
                  const value = row[column] ?? '';
                  const read = readAs(fieldOf.get(column), value, row);
                  return (
                    <td key={column}>
                      {value}
                      {read ? <span className={read.isUnreadable ? 'read-as error-text' : 'read-as'}>{t('mapping.readAs', { value: read.text })}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
