import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportTable } from '../../../shared/export/export-table';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { bytesToBase64 } from '../data/backup/backup-format';
import { dataWorker } from '../data/data-client';
import { useErrorMessage } from '../i18n/use-error-message';
import { useLanguage } from '../i18n/use-language';
import { kredo } from '../platform/kredo-api';

type Status = { readonly kind: 'idle' } | { readonly kind: 'busy'; readonly format: ExportFormat } | { readonly kind: 'saved'; readonly path: string } | { readonly kind: 'failed'; readonly error: unknown };

/** Saves bytes the renderer built through the main process's save dialog; null when the user cancels. */
export async function saveExportFile(format: ExportFormat, suggestedName: string, bytes: Uint8Array): Promise<string | null> {
  return (await kredo.exportSaveFile({ format, suggestedName, dataBase64: bytesToBase64(bytes) })).savedTo;
}

/** A file name from a title and date that every file system accepts ("Ageing report 2026-11-24"). */
export function exportFileName(title: string, date: string): string {
  return `${title} ${date}`.replace(/[^\p{L}\p{N} ._()-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/**
 * "Export to Excel" and "Export to CSV" for any grid: the table is built when asked (what is on screen at
 * that moment), written in the data worker and saved where the user chooses.
 */
export function ExportButtons({ table, fileName, extra }: { readonly table: () => ExportTable; readonly fileName: string; readonly extra?: { readonly label: string; readonly run: () => Promise<string | null> } }) {
  const { t } = useTranslation('common');
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async (format: ExportFormat, build: () => Promise<string | null>) => {
    setStatus({ kind: 'busy', format });
    try {
      const path = await build();
      setStatus(path ? { kind: 'saved', path } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  };
  const grid = (format: 'csv' | 'xlsx') => run(format, async () => saveExportFile(format, fileName, await dataWorker().buildExport({ table: table(), format, language })));
  const isBusy = status.kind === 'busy';
  return (
    <div className="export-buttons">
      <button type="button" className="button" disabled={isBusy} onClick={() => void grid('xlsx')}>{t('export.excel')}</button>
      <button type="button" className="button" disabled={isBusy} onClick={() => void grid('csv')}>{t('export.csv')}</button>
      {extra && <button type="button" className="button" disabled={isBusy} onClick={() => void run('pdf', extra.run)}>{extra.label}</button>}
      <span role="status" className="note" data-testid="export-status">
        {status.kind === 'busy' && t('export.busy')}
        {status.kind === 'saved' && t('export.saved', { path: status.path })}
      </span>
      {status.kind === 'failed' && <p role="alert" className="error-text">{t('export.failed', { reason: errorMessage(status.error) })}</p>}
    </div>
  );
}
