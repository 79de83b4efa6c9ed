import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../data/db/schema';
import { useImportHistory } from '../../data/queries/use-imports';
import { useFormat } from '../../i18n/use-format';

const SHOWN = 20;
const REPORTED = ['newDebtors', 'newItems', 'settled', 'closed', 'differences', 'matchedByIdentifier', 'debtorConflicts', 'booked', 'toReview', 'duplicates', 'rejectedRows'] as const;

/** The latest imports and what each changed (the full reports are in the audit trail). */
export function ImportHistory() {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const history = useImportHistory(SHOWN);
  if (!history || history.length === 0) return null;
  const describe = (record: ImportRecord) =>
    REPORTED.flatMap((key) => {
      const value = Number(record.report[key] ?? 0);
      return value > 0 ? [t(`history.report.${key}`, { count: value, formatted: format.number(value) })] : [];
    }).join(' · ') || t('history.nothingChanged');

  return (
    <section className="settings-group settings-wide" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('history.title')}</h2>
      <table className="data-table compact" aria-label={t('history.title')}>
        <thead>
          <tr>
            <th scope="col">{t('history.columns.at')}</th>
            <th scope="col">{t('history.columns.file')}</th>
            <th scope="col">{t('history.columns.kind')}</th>
            <th scope="col">{t('history.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((record) => (
            <tr key={record.id}>
              <td>{format.dateTime(new Date(record.at))}</td>
              <td>{record.fileName}</td>
              <td>{t(`history.kinds.${record.kind}`)}</td>
              <td className="wrap">{describe(record)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
