import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { useFormat } from '../../i18n/use-format';

/** Instalments as a table: due date, amount, and (for a running plan) what was paid and its state. */
export function InstalmentTable({ rows, label }: { readonly label: string; readonly rows: readonly { readonly dueOn: IsoDate; readonly amount: string; readonly paid?: string; readonly status?: string }[] }) {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const tracked = rows.some((row) => row.status !== undefined);
  return (
    <table className="data-table compact" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('plans.dueOn')}</th>
          <th scope="col" className="numeric">{t('plans.amount')}</th>
          {tracked && <th scope="col" className="numeric">{t('plans.paid')}</th>}
          {tracked && <th scope="col">{t('plans.status')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.dueOn}>
            <td>{format.date(row.dueOn)}</td>
            <td className="numeric">{row.amount}</td>
            {tracked && <td className="numeric">{row.paid}</td>}
            {tracked && <td>{row.status}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
