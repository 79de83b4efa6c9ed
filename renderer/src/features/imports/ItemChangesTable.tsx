import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { ItemChangeRow, ItemDifferenceRow, Sampled } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';

/** Invoices an import changes or would change: Kredo's open amount against the export's. */
export function ItemChangesTable({ label, rows }: { readonly label: string; readonly rows: Sampled<ItemChangeRow | ItemDifferenceRow> }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  return (
    <>
      {rows.sample.length < rows.count ? <p className="note">{t('preview.firstOnly', { shown: format.number(rows.sample.length), total: format.number(rows.count) })}</p> : null}
      <div className="table-scroll short-table">
        <table className="data-table compact" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('columns.customer')}</th>
              <th scope="col">{t('columns.invoice')}</th>
              <th scope="col" className="numeric">{t('columns.openInKredo')}</th>
              <th scope="col" className="numeric">{t('columns.openInFile')}</th>
              <th scope="col">{t('columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.sample.map((row) => (
              <tr key={row.itemId}>
                <td>
                  {row.debtorName} <span className="note">{row.customerCode}</span>
                </td>
                <td>{row.number}</td>
                <td className="numeric">{format.money(money(row.fromMinor, row.currency))}</td>
                <td className="numeric">{format.money(money(row.toMinor, row.currency))}</td>
                <td>{'reason' in row ? t(`preview.reasons.${row.reason}`) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
