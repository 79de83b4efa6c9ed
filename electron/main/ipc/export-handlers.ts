import writeFileAtomic from 'write-file-atomic';
import type { ExportFormat } from '../../../shared/ipc/contract';
import type { MainTFunction } from '../i18n/main-i18n';
import type { DesktopPort } from '../services/desktop-port';
import type { IpcHandlers } from './ipc-handlers';

type ExportHandlers = Pick<IpcHandlers, 'exportSaveFile'>;

/**
 * Saves a file the renderer built (a grid as CSV or Excel, the ageing report as PDF) where the user
 * chooses. The renderer never names a path: the main process asks, and writes atomically, so a crash
 * half-way leaves either the old file or the new one, never a torn one.
 */
export function createExportHandlers(deps: { readonly desktop: DesktopPort; readonly t: () => MainTFunction }): ExportHandlers {
  const filterName = (format: ExportFormat) => deps.t()(`common:exportFiles.${format}`);
  return {
    exportSaveFile: async ({ format, suggestedName, dataBase64 }) => {
      const defaultName = suggestedName.toLowerCase().endsWith(`.${format}`) ? suggestedName : `${suggestedName}.${format}`;
      const target = await deps.desktop.chooseSaveFile({ title: deps.t()('common:exportFiles.title'), filterName: filterName(format), extensions: [format], defaultName });
      if (!target) return { savedTo: null };
      await writeFileAtomic(target, Buffer.from(dataBase64, 'base64'), { fsync: true });
      return { savedTo: target };
    },
  };
}
