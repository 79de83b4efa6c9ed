import { kredo } from '../../platform/kredo-api';
import type { BackupSource } from './read-backup';
import type { BackupSink } from './write-backup';

/** The backup file's writer, in the main process, as the data worker sees it (lent through Comlink). */
export function ipcBackupSink(): BackupSink {
  return {
    begin: async (meta) => (await kredo.backupBegin(meta)).sessionId,
    append: async (sessionId, pieceBase64) => {
      await kredo.backupAppend({ sessionId, pieceBase64 });
    },
    commit: (sessionId) => kredo.backupCommit({ sessionId }),
    abort: async (sessionId) => {
      await kredo.backupAbort({ sessionId });
    },
  };
}

export function ipcBackupSource(id: string): BackupSource {
  return { read: (offset) => kredo.backupRead({ id, offset }) };
}
