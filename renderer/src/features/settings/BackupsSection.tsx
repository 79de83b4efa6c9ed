import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMegabytes } from '../../../../shared/format/format-number';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import { useClock } from '../../app/app-clock';
import { ipcBackupSink, ipcBackupSource } from '../../data/backup/backup-ipc';
import { callback, dataWorker } from '../../data/data-client';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo, subscribe } from '../../platform/kredo-api';
import { RestoreBackupDialog } from './RestoreBackupDialog';

type Work = 'idle' | 'backing-up' | 'restoring';

/** Settings › Backups: the automatic backups, a backup on request, restore, and moving data by file. */
export function BackupsSection() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const [backups, setBackups] = useState<readonly BackupInfo[]>();
  const [work, setWork] = useState<Work>('idle');
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();
  const [toRestore, setToRestore] = useState<BackupInfo>();
  const [listVersion, setListVersion] = useState(0);

  useEffect(() => {
    let isActive = true;
    kredo.backupList().then(
      ({ backups: list }) => isActive && setBackups(list),
      (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }),
    );
    return () => {
      isActive = false;
    };
  }, [listVersion, errorMessage]);
  // Backups also appear on their own (the daily one, one before an import).
  useEffect(() => subscribe('onBackupsChanged', () => setListVersion((version) => version + 1)), []);

  const when = (backup: BackupInfo) => format.dateTime(new Date(backup.createdAt));
  const run = async (kind: Work, action: () => Promise<string | undefined>) => {
    setWork(kind);
    setStatus(undefined);
    try {
      const text = await action();
      if (text) setStatus({ text, isError: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setWork('idle');
      setListVersion((version) => version + 1);
    }
  };

  const backUpNow = () =>
    run('backing-up', async () => {
      const backup = await dataWorker().createBackup({ reason: 'manual', at: clock.now().toISOString() }, callback(ipcBackupSink()));
      return t('backups.created', { date: when(backup) });
    });

  const restore = (backup: BackupInfo) =>
    run('restoring', async () => {
      setToRestore(undefined);
      const result = await dataWorker().restoreBackup({ backupId: backup.id, at: clock.now().toISOString() }, callback(ipcBackupSource(backup.id)), callback(ipcBackupSink()));
      return t('backups.restored', { date: when(backup), count: result.debtors, formatted: format.number(result.debtors) });
    });

  const exportBackup = (backup: BackupInfo) =>
    run('idle', async () => {
      const { savedTo } = await kredo.backupExport({ id: backup.id });
      return savedTo ? t('backups.exported', { path: savedTo }) : undefined;
    });

  const restoreFromFile = () =>
    run('idle', async () => {
      const { backup } = await kredo.backupImportFile();
      if (backup) setToRestore(backup);
      return undefined;
    });

  const isBusy = work !== 'idle';
  return (
    <section className="settings-group settings-wide" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="note">{t('backups.body')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={isBusy} onClick={() => void backUpNow()}>
          {work === 'backing-up' ? t('backups.working') : t('backups.backUpNow')}
        </button>
        <button type="button" className="button" disabled={isBusy} onClick={() => void restoreFromFile()}>
          {t('backups.importFile')}
        </button>
        <button type="button" className="button" onClick={() => void kredo.backupOpenFolder()}>
          {t('backups.openFolder')}
        </button>
      </div>
      {work === 'restoring' ? (
        <p role="status" className="note">
          {t('backups.restoring')}
        </p>
      ) : null}
      {status ? (
        <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>
          {status.text}
        </p>
      ) : null}
      {backups && backups.length === 0 ? <p className="note">{t('backups.none')}</p> : null}
      {backups && backups.length > 0 ? (
        <table className="data-table compact" aria-label={t('backups.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.columns.createdAt')}</th>
              <th scope="col">{t('backups.columns.reason')}</th>
              <th scope="col" className="numeric">{t('backups.columns.contents')}</th>
              <th scope="col" className="numeric">{t('backups.columns.size')}</th>
              <th scope="col">{t('backups.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td>{when(backup)}</td>
                <td>{t(`backups.reasons.${backup.reason}`)}</td>
                <td className="numeric">{t('backups.contents', { count: backup.debtors, formatted: format.number(backup.debtors) })}</td>
                <td className="numeric">{formatMegabytes(backup.sizeBytes, formatLocale)}</td>
                <td className="row-actions">
                  <button type="button" className="button button-small" disabled={isBusy} onClick={() => setToRestore(backup)}>
                    {t('backups.restore')}
                  </button>
                  <button type="button" className="button button-small" disabled={isBusy} onClick={() => void exportBackup(backup)}>
                    {t('backups.export')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <RestoreBackupDialog backup={toRestore} when={toRestore ? when(toRestore) : ''} onConfirm={(backup) => void restore(backup)} onCancel={() => setToRestore(undefined)} />
    </section>
  );
}
