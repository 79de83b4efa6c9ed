import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClock } from '../../app/app-clock';
import { saveExportFile } from '../../components/ExportButtons';
import { useModalDialog } from '../../components/use-modal-dialog';
import { base64ToBytes } from '../../data/backup/backup-format';
import { dataWorker } from '../../data/data-client';
import type { StatementPreview } from '../../data/statements/make-statement';
import type { StatementTable } from '../../letters/statement-content';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';

function Table({ table }: { readonly table: StatementTable }) {
  return (
    <table className="data-table compact">
      <thead>
        <tr>{table.columns.map((column, index) => <th key={index} scope="col" className={column.align === 'right' ? 'numeric' : undefined}>{column.label}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>{row.map((cell, index) => <td key={index} className={table.columns[index]?.align === 'right' ? 'numeric' : undefined}>{cell}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The debtor's statement of account (issue 16, item 3): previewed as the debtor will read it (its language,
 * its currencies), then kept and saved as PDF or sent through the e-mail outbox (Settings › E-mail). Kept
 * statements are listed with the letters and noted on the timeline; the next one lists payments since.
 */
export function DebtorStatement({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation('dunning');
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [shown, setShown] = useState<StatementPreview>();
  const preview = shown?.content;
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(shown !== undefined);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      await work();
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(false);
    }
  };
  const make = async () => {
    const made = await dataWorker().makeStatement({ debtorId, today: clock.today(), at: clock.now().toISOString() });
    // Kept now, with its number: the preview shows the reference it was given instead of "given when kept".
    if (made) setShown(await dataWorker().previewStatement({ debtorId, today: clock.today() }));
    return made;
  };
  const open = () => run(async () => setShown(await dataWorker().previewStatement({ debtorId, today: clock.today() })));
  const save = () =>
    run(async () => {
      const made = await make();
      if (!made) return;
      const savedTo = await saveExportFile('pdf', made.document.fileName, base64ToBytes(made.document.pdfBase64));
      if (savedTo) setStatus({ text: t('statement.saved', { path: savedTo }), isError: false });
    });
  const send = () =>
    run(async () => {
      const mailReady = Boolean((await kredo.mailGetSettings({}).catch(() => undefined))?.settings);
      const made = await make();
      if (!made) return;
      if (!made.mailMessage) return setStatus({ text: t('statement.noAddress'), isError: true });
      if (!mailReady) return setStatus({ text: t('statement.noMail'), isError: true });
      if (made.document.mail) return setStatus({ text: t('statement.alreadyQueued'), isError: false });
      const queued = await kredo.mailQueue({ message: made.mailMessage });
      await dataWorker().markStatementQueued({ documentId: made.document.id, messageId: queued.messageId });
      setStatus({ text: t('statement.queued', { to: made.mailMessage.to.address }), isError: false });
    });
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('statement.title')}</h2>
      <p className="note">{t('statement.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void open()}>{t('statement.preview')}</button>
      </div>
      {status && !preview && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
      <dialog ref={dialog} className="dialog letter-preview" aria-labelledby={`${id}-dialog`} onClose={() => setShown(undefined)}>
        <h2 id={`${id}-dialog`}>{t('statement.title')}</h2>
        {shown?.referencePending && <p className="note">{t('statement.referencePending')}</p>}
        {preview && (
          <div lang={preview.language} data-testid="statement-preview">
            <p><strong>{preview.subject}</strong></p>
            <p>{preview.info.map((entry) => `${entry.label}: ${entry.value}`).join(' · ')}</p>
            <p>{preview.intro}</p>
            {preview.emptyNote && <p>{preview.emptyNote}</p>}
            {preview.sections.map((section) => (
              <div key={section.heading}>
                <h3>{section.heading}</h3>
                <Table table={section.items} />
                <Table table={section.ageing} />
                <dl className="statement-totals">
                  {section.totals.map((line) => (
                    <div key={line.label}><dt>{line.label}</dt><dd className="numeric">{line.amount}</dd></div>
                  ))}
                </dl>
              </div>
            ))}
            <h3>{preview.payments.heading}</h3>
            {preview.payments.table && <Table table={preview.payments.table} />}
            {preview.payments.note && <p>{preview.payments.note}</p>}
            {preview.policyTotal && <p><strong>{preview.policyTotal}</strong></p>}
            {preview.closing.map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
          </div>
        )}
        {status && preview && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>{t('statement.savePdf')}</button>
          <button type="button" className="button" disabled={busy} onClick={() => void send()}>{t('statement.send')}</button>
          <button type="button" className="button" onClick={() => setShown(undefined)}>{t('statement.close')}</button>
        </div>
      </dialog>
    </section>
  );
}
