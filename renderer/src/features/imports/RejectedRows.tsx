import { useTranslation } from 'react-i18next';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import type { OpenItemField } from '../../../../shared/import/open-item-fields';
import { MAX_COLUMNS, MAX_FIELD_CHARS } from '../../../../shared/import/table-limits';
import { useFormat } from '../../i18n/use-format';

/** Every row the file could not give, with where it is and why, so it can be fixed in the ERP or the file. */
export function RejectedRows({ fileName, summary }: { readonly fileName: string; readonly summary: ParseSummary }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  if (summary.rejectionCount === 0) return null;
  return (
    <section aria-labelledby="rejected-title">
      <h3 id="rejected-title" className="subsection-title">
        {t('rejected.title', { count: summary.rejectionCount, formatted: format.number(summary.rejectionCount) })}
      </h3>
      <p className="note">{t('rejected.body', { file: fileName })}</p>
      {summary.rejections.length < summary.rejectionCount ? <p className="note">{t('rejected.firstOnly', { shown: format.number(summary.rejections.length) })}</p> : null}
      <div className="table-scroll short-table" tabIndex={0}>
        <table className="data-table compact" aria-label={t('rejected.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('rejected.columns.file')}</th>
              <th scope="col" className="numeric">{t('rejected.columns.row')}</th>
              <th scope="col">{t('rejected.columns.field')}</th>
              <th scope="col">{t('rejected.columns.value')}</th>
              <th scope="col">{t('rejected.columns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rejections.map((rejection) => (
              <tr key={`${rejection.row}-${rejection.field}`}>
                <td>{fileName}</td>
                <td className="numeric">{format.number(rejection.row)}</td>
                <td>{rejection.field === 'row' ? t('rejected.wholeRow') : rejection.field.startsWith('bank:') ? rejection.field.slice(5) : t(`fields.${rejection.field as OpenItemField}`)}</td>
                <td>
                  <code>{rejection.value}</code>
                </td>
                <td>{t(`reject.${rejection.code}`, { firstRow: rejection.firstRow === undefined ? '' : format.number(rejection.firstRow), fieldLimit: format.number(MAX_FIELD_CHARS), columnLimit: format.number(MAX_COLUMNS) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
