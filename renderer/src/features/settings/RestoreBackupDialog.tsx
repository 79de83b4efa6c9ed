import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import { useModalDialog } from '../../components/use-modal-dialog';

/** Asks before replacing the data: restoring is the one action here that changes everything. */
export function RestoreBackupDialog({ backup, when, onConfirm, onCancel }: { readonly backup: BackupInfo | undefined; readonly when: string; readonly onConfirm: (backup: BackupInfo) => void; readonly onCancel: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  const dialog = useModalDialog(backup !== undefined);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="restore-title" onClose={onCancel}>
      <h2 id="restore-title">{t('settings:backups.confirmTitle')}</h2>
      <p>{t('settings:backups.confirmBody', { date: when })}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => backup && onConfirm(backup)}>
          {t('settings:backups.confirm')}
        </button>
      </div>
    </dialog>
  );
}
