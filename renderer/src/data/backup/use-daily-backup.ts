import { useEffect } from 'react';
import type { Clock } from '../../../../shared/time/clock';
import { kredo } from '../../platform/kredo-api';
import { callback, dataWorker } from '../data-client';
import type { PortfolioStatus } from '../queries/use-portfolio';
import { ipcBackupSink } from './backup-ipc';

/**
 * Makes the day's automatic backup once a portfolio exists, unless one was made today already. It runs in
 * the data worker, in the background; a failure is logged and tried again on the next start.
 */
export function useDailyBackup(status: PortfolioStatus, clock: Clock): void {
  const today = clock.today();
  useEffect(() => {
    if (status !== 'ready') return undefined;
    let isCancelled = false;
    void (async () => {
      const { backups } = await kredo.backupList();
      // Backups are stamped in UTC; near midnight this may allow a second one that day, never none.
      if (isCancelled || backups.some((backup) => backup.createdAt.slice(0, 10) === today)) return;
      await dataWorker().createBackup({ reason: 'daily', at: clock.now().toISOString() }, callback(ipcBackupSink()));
    })().catch((error: unknown) => {
      void kredo.reportRendererError({ message: `Daily backup failed: ${String(error)}`, source: 'useDailyBackup' }).catch(() => undefined);
    });
    return () => {
      isCancelled = true;
    };
  }, [status, today, clock]);
}
