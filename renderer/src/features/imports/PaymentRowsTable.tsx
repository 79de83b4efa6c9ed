import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { PaymentRow, Sampled } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';

/** Bank lines and what the import does with them: which debtor and invoices, found how. */
export function PaymentRowsTable({ label, rows }: { readonly label: string; readonly rows: Sampled<PaymentRow> }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  return (
    <>
      {rows.sample.length < rows.count ? <p className="note">{t('preview.firstOnly', { shown: format.number(rows.sample.length), total: format.number(rows.count) })}</p> : null}
      <div className="table-scroll short-table">
        <table className="data-table compact" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.payer')}</th>
              <th scope="col" className="numeric">{t('columns.amount')}</th>
              <th scope="col">{t('columns.remittance')}</th>
              <th scope="col">{t('columns.customer')}</th>
              <th scope="col">{t('columns.invoices')}</th>
              <th scope="col">{t('columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.sample.map((row) => (
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
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
