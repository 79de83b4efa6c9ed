import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { PaymentRow, Sampled } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';
import { SampledTable } from './SampledTable';

/** Bank lines and what the import does with them: which debtor and invoices, found how. */
export function PaymentRowsTable({ label, rows }: { readonly label: string; readonly rows: Sampled<PaymentRow> }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const columns = [
    { label: t('columns.date') },
    { label: t('columns.payer') },
    { label: t('columns.amount'), isNumeric: true },
    { label: t('columns.remittance') },
    { label: t('columns.customer') },
    { label: t('columns.invoices') },
    { label: t('columns.note') },
  ];
  return (
    <SampledTable label={label} rows={rows} columns={columns}>
      {(row) => (
        <tr key={row.transactionId}>
          <td>{format.date(row.valueDate)}</td>
          <td>{row.counterpartyName}</td>
          <td className="numeric">{format.money(money(row.amountMinor, row.currency))}</td>
          <td className="wrap">{row.remittance}</td>
          <td>{row.debtorName ? `${row.debtorName} (${row.customerCode})` : ''}</td>
          <td>{row.invoiceNumbers.length > 0 ? row.invoiceNumbers.join(', ') : row.method ? t('preview.oldestFirst') : ''}</td>
          <td>
            {row.method ? t(`preview.methods.${row.method}`) : ''}
            {row.fit && row.fit !== 'exact' ? ` · ${t(`preview.fits.${row.fit}`)}` : ''}
            {row.reason ? t(`preview.reviewReasons.${row.reason}`) : ''}
          </td>
        </tr>
      )}
    </SampledTable>
  );
}
