import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { ItemChangeRow, ItemDifferenceRow, Sampled } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';
import { SampledTable } from './SampledTable';

/** Invoices an import changes or would change: Kredo's open amount against the export's. */
export function ItemChangesTable({ label, rows }: { readonly label: string; readonly rows: Sampled<ItemChangeRow | ItemDifferenceRow> }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const columns = [
    { label: t('columns.customer') },
    { label: t('columns.invoice') },
    { label: t('columns.openInKredo'), isNumeric: true },
    { label: t('columns.openInFile'), isNumeric: true },
    { label: t('columns.note') },
  ];
  return (
    <SampledTable label={label} rows={rows} columns={columns}>
      {(row) => (
        <tr key={row.itemId}>
          <td>
            {row.debtorName} <span className="note">{row.customerCode}</span>
          </td>
          <td>{row.number}</td>
          <td className="numeric">{format.money(money(row.fromMinor, row.currency))}</td>
          <td className="numeric">{format.money(money(row.toMinor, row.currency))}</td>
          <td>{'reason' in row ? t(`preview.reasons.${row.reason}`) : ''}</td>
        </tr>
      )}
    </SampledTable>
  );
}
