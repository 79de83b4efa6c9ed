import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../../shared/time/clock';
import type { MainTFunction } from '../i18n/main-i18n';
import { readRateFile } from '../rates/read-rate-file';
import { RateFileError } from '../rates/rate-file-error';
import { MAX_RATES_UNPACKED_BYTES } from '../rates/rates-zip';
import type { DesktopPort } from '../services/desktop-port';
import type { IpcHandlers } from './ipc-handlers';

/**
 * Settings › Exchange rates › Import rates file: the file is chosen here and read in the main process
 * (a few MB at most, read at once), and only checked rates travel to the renderer, which stores them.
 */
export function createRatesHandlers(deps: { readonly desktop: DesktopPort; readonly clock: Clock; readonly t: () => MainTFunction }): Pick<IpcHandlers, 'ratesImportFile'> {
  return {
    ratesImportFile: async ({ currencies }) => {
      const t = deps.t();
      const chosen = await deps.desktop.chooseOpenFile({ title: t('settings:rates.importTitle'), filterName: t('settings:rates.fileType'), extensions: ['xml', 'csv', 'zip', 'json'] });
      if (!chosen) return { reading: null };
      const file = path.basename(chosen);
      if ((await stat(chosen)).size > MAX_RATES_UNPACKED_BYTES) throw new RateFileError('tooLarge', { file, limitMb: MAX_RATES_UNPACKED_BYTES / 1_048_576 });
      const reading = readRateFile(await readFile(chosen), file, { today: deps.clock.today(), currencies });
      return { reading: { file, ...reading } };
    },
  };
}
