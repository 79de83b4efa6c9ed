import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useErrorMessage } from '../../i18n/use-error-message';
import { ImportFilesTable } from './ImportFilesTable';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';
import { PaymentsToReview } from './PaymentsToReview';
import { useImportStore } from './import-store';

/**
 * Imports: files come in by the dialog, by dropping them on the window or through the watched folder;
 * each is read, compared with the portfolio and shown as a summary before anything is stored.
 */
export function ImportsScreen() {
  const { t } = useTranslation(['imports', 'common']);
  const errorMessage = useErrorMessage();
  const files = useImportStore((state) => state.files);
  const activeFileId = useImportStore((state) => state.activeFileId);
  const notice = useImportStore((state) => state.notice);
  const chooseFiles = useImportStore((state) => state.chooseFiles);
  const dismissNotice = useImportStore((state) => state.dismissNotice);
  const refusals = useImportStore((state) => state.refusals);
  const dismissRefusal = useImportStore((state) => state.dismissRefusal);
  const activeFile = files.find((file) => file.fileId === activeFileId);

  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')}>
        <button type="button" className="button button-primary" onClick={() => void chooseFiles().catch((error: unknown) => useImportStore.getState().refuse([{ name: '', error }]))}>
          {t('chooseFiles')}
        </button>
      </ScreenHeader>
      <p className="note">{t('formats')}</p>
      {notice ? (
        <p role="status" className="note notice">
          {t(`notice.${notice.key}`, { name: notice.name })}{' '}
          <button type="button" className="button button-small" onClick={dismissNotice}>
            {t('common:actions.close')}
          </button>
        </p>
      ) : null}
      {refusals.length > 0 ? (
        <section className="error-panel import-refusals" role="alert" aria-labelledby="import-refusals-title">
          <h2 id="import-refusals-title" className="subsection-title">
            {t('notice.refusedTitle')}
          </h2>
          <ul>
            {refusals.map((refusal) => {
              const reason = errorMessage(refusal.error);
              // Kredo's reasons name the file themselves; anything else gets the name in front.
              return (
                <li key={refusal.id}>
                  {refusal.name === '' || reason.includes(refusal.name) ? reason : t('notice.uploadFailed', { name: refusal.name, reason })}{' '}
                  <button type="button" className="button button-small" aria-label={t('notice.dismissLabel', { name: refusal.name })} onClick={() => dismissRefusal(refusal.id)}>
                    {t('notice.dismiss')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {files.length === 0 ? <EmptyState message={t('empty')} /> : <ImportFilesTable />}
      {activeFile ? <ImportWizard key={activeFile.fileId} file={activeFile} /> : null}
      <PaymentsToReview />
      <ImportHistory />
    </section>
  );
}
