import { useTranslation } from 'react-i18next';
import type { ImportDialect, ImportFile } from '../../../../shared/ipc/import-contract';
import { useClock } from '../../app/app-clock';
import { useErrorMessage } from '../../i18n/use-error-message';
import { KredoApiError } from '../../platform/kredo-api';
import { ColumnMappingStep } from './ColumnMappingStep';
import { FileFactsStep } from './FileFactsStep';
import { ImportDone } from './ImportDone';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportProgress } from './ImportProgress';
import { RejectedRows } from './RejectedRows';
import { useImportStore } from './import-store';

/** One file's import, step by step: how to read it, reading, what would change, stored. */
export function ImportWizard({ file }: { readonly file: ImportFile }) {
  const { t } = useTranslation(['imports', 'common']);
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const step = useImportStore((state) => state.steps[file.fileId]);
  const { analyse, reread, read, cancel, discard } = useImportStore.getState();

  return (
    <section className="import-wizard" aria-labelledby="import-wizard-title">
      <h2 id="import-wizard-title">{t('wizard.title', { name: file.name })}</h2>
      {!step || step.kind === 'analysing' ? (
        <p role="status" className="note">
          {t('wizard.analysing')}
        </p>
      ) : null}
      {step?.kind === 'mapping' ? (
        <ColumnMappingStep
          // Read another way, the file is a new table: its mapping and conventions are proposed afresh.
          key={JSON.stringify(step.analysis.reading)}
          analysis={step.analysis}
          isRereading={step.isRereading === true}
          onReread={(reading) => void reread(file.fileId, reading)}
          onRead={(mapping, dialect, content) => void read(file.fileId, mapping, dialect, clock, step.analysis.reading, content)}
          onDiscard={() => void discard(file.fileId)}
        />
      ) : null}
      {step?.kind === 'ready' ? (
        <FileFactsStep
          analysis={step.analysis}
          onRead={() => void read(file.fileId, {}, STRUCTURED_FILE_DIALECT, clock)}
          onDiscard={() => void discard(file.fileId)}
        />
      ) : null}
      {step?.kind === 'working' ? <ImportProgress stage={step.stage} done={step.done} total={step.total} onCancel={step.stage === 'parsing' ? () => void cancel(file.fileId) : undefined} /> : null}
      {step?.kind === 'preview' ? <ImportPreviewStep fileId={file.fileId} summary={step.summary} preview={step.preview} /> : null}
      {step?.kind === 'done' ? <ImportDone summary={step.summary} preview={step.preview} portfolio={step.portfolio} onClose={() => void discard(file.fileId)} /> : null}
      {step?.kind === 'failed' ? (
        <div className="error-panel" role="alert">
          <p>{isCancelled(step.error) ? t('wizard.cancelled') : errorMessage(step.error)}</p>
          {step.summary ? <RejectedRows fileName={file.name} summary={step.summary} /> : null}
          <div className="button-row">
            <button type="button" className="button" onClick={() => void analyse(file.fileId)}>
              {t('common:actions.retry')}
            </button>
            <button type="button" className="button" onClick={() => void discard(file.fileId)}>
              {t('wizard.remove')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** Bank statements and e-invoices define their own amounts and dates; the dialect is only for tables. */
const STRUCTURED_FILE_DIALECT: ImportDialect = { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' };

const isCancelled = (error: unknown) => error instanceof KredoApiError && error.code === 'import.cancelled';
