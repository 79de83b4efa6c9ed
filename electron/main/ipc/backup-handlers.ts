import type { MainTFunction } from '../i18n/main-i18n';
import type { BackupService } from '../services/backup-service';
import type { DesktopPort } from '../services/desktop-port';
import type { IpcHandlers } from './ipc-handlers';

type BackupHandlers = Pick<IpcHandlers, 'backupBegin' | 'backupAppend' | 'backupCommit' | 'backupAbort' | 'backupList' | 'backupRead' | 'backupExport' | 'backupImportFile' | 'backupOpenFolder'>;

export function createBackupHandlers(deps: {
  readonly backups: BackupService;
  readonly desktop: DesktopPort;
  readonly t: () => MainTFunction;
}): BackupHandlers {
  const { backups, desktop } = deps;
  const fileDialog = () => {
    const t = deps.t();
    return { filterName: t('settings:backups.fileType'), extensions: ['kredobackup'] };
  };
  return {
    backupBegin: async (meta) => ({ sessionId: await backups.begin(meta) }),
    backupAppend: async ({ sessionId, pieceBase64 }) => {
      await backups.append(sessionId, Buffer.from(pieceBase64, 'base64'));
      return {};
    },
    backupCommit: ({ sessionId }) => backups.commit(sessionId),
    backupAbort: async ({ sessionId }) => {
      await backups.abort(sessionId);
      return {};
    },
    backupList: async () => ({ backups: await backups.list(), folder: backups.folder }),
    backupRead: async ({ id, offset }) => {
      const { bytes, nextOffset } = await backups.read(id, offset);
      return { pieceBase64: Buffer.from(bytes).toString('base64'), nextOffset };
    },
    backupExport: async ({ id }) => {
      const target = await desktop.chooseSaveFile({ ...fileDialog(), title: deps.t()('settings:backups.exportTitle'), defaultName: `${id}.kredobackup` });
      if (!target) return { savedTo: null };
      await backups.exportTo(id, target);
      return { savedTo: target };
    },
    backupImportFile: async () => {
      const source = await desktop.chooseOpenFile({ ...fileDialog(), title: deps.t()('settings:backups.importTitle') });
      return { backup: source ? await backups.importFrom(source) : null };
    },
    backupOpenFolder: async () => {
      await desktop.openPath(backups.folder);
      return { path: backups.folder };
    },
  };
}
