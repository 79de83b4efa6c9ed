import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { ExportFormat } from '../../../../shared/ipc/contract';
import { saveExportFile } from '../../components/ExportButtons';
import { base64ToBytes } from '../../data/backup/backup-format';
import type { StoredDocument } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';

/**
 * The letters a debtor was sent, exactly as they were made: save the PDF to print or the e-mail draft to
 * open in the mail program. Kept in the store with the audit trail, so they can be shown again at any time.
 */
export function DebtorLetters({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const documents = useLiveQuery(async () => [...(await uiDb.documents.where('debtorId').equals(debtorId).toArray())].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)), [debtorId]);
  const save = async (document: StoredDocument, kind: ExportFormat) => {
    setStatus(undefined);
    try {
      const bytes = kind === 'pdf' ? base64ToBytes(document.pdfBase64) : new TextEncoder().encode(document.eml ?? '');
      const savedTo = await saveExportFile(kind, document.fileName, bytes);
      if (savedTo) setStatus({ text: t('letters.saved', { path: savedTo }), isError: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('letters.title')}</h2>
      {documents && documents.length === 0 && <p className="note">{t('letters.none')}</p>}
      {documents && documents.length > 0 && (
        <table className="data-table compact" data-testid="debtor-letters">
          <thead>
            <tr>
              <th scope="col">{t('letters.made')}</th>
              <th scope="col">{t('letters.step')}</th>
              <th scope="col" className="numeric">{t('letters.total')}</th>
              <th scope="col"><span className="visually-hidden">{t('letters.savePdf')}</span></th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <td>{format.dateTime(new Date(document.createdAt))}</td>
                <td>{t(`steps.${document.step}`, { defaultValue: document.step })}</td>
                <td className="numeric">{format.money(money(document.totalDueMinor, document.currency))}</td>
                <td>
                  <button type="button" className="button button-small" onClick={() => void save(document, 'pdf')}>{t('letters.savePdf')}</button>{' '}
                  {document.eml !== undefined && <button type="button" className="button button-small" onClick={() => void save(document, 'eml')}>{t('letters.saveEml')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </section>
  );
}
