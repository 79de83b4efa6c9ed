import path from 'node:path';
import { KredoError } from '../../../shared/errors/kredo-error';
import type { Bootstrap } from '../../../shared/ipc/contract';
import type { Clock } from '../../../shared/time/clock';
import { isSafeExternalUrl } from '../security/external-url-policy';
import type { DesktopPort } from '../services/desktop-port';
import type { Logger } from '../services/logger';
import type { SettingsStore } from '../services/settings-store';
import type { MainTFunction } from '../i18n/main-i18n';
import type { BackupService } from '../services/backup-service';
import type { ImportProfiles } from '../import/import-profiles';
import type { ImportService } from '../import/import-service';
import { createBackupHandlers } from './backup-handlers';
import { createExportHandlers } from './export-handlers';
import { createImportHandlers } from './import-handlers';
import { createInsurerHandlers } from './insurer-handlers';
import { createTurnoverHandlers } from './turnover-handlers';
import { createUpdateHandlers } from './update-handlers';
import { createMailHandlers } from './mail-handlers';
import type { MailService } from '../mail/mail-service';
import { createRatesHandlers } from './rates-handlers';
import type { UpdateService } from '../updates/update-service';
import type { InsurerService } from '../insurer/insurer-service';
import type { IpcHandlers } from './ipc-handlers';

export interface HandlerDependencies {
  readonly appInfo: Omit<Bootstrap, 'language' | 'logFilePath' | 'today' | 'isClockFixed'>;
  readonly clock: Clock;
  readonly isClockFixed: boolean;
  readonly settings: SettingsStore;
  readonly logger: Logger;
  readonly desktop: DesktopPort;
  readonly backups: BackupService;
  readonly imports: ImportService;
  readonly importProfiles: ImportProfiles;
  readonly insurer: InsurerService;
  readonly updates: UpdateService;
  readonly mail: MailService;
  /** The main process's translator in the user's current language (dialog titles). */
  readonly t: () => MainTFunction;
}

export function createIpcHandlers(deps: HandlerDependencies): IpcHandlers {
  const { settings, logger, desktop } = deps;
  return {
    ...createBackupHandlers({ backups: deps.backups, desktop, t: deps.t }),
    ...createExportHandlers({ desktop, t: deps.t }),
    ...createInsurerHandlers(deps.insurer),
    ...createTurnoverHandlers(deps.insurer),
    ...createUpdateHandlers(deps.updates),
    ...createMailHandlers(deps.mail),
    ...createRatesHandlers({ desktop, clock: deps.clock, t: deps.t }),
    ...createImportHandlers({
      imports: deps.imports,
      profiles: deps.importProfiles,
      settings,
      desktop,
      t: deps.t,
      applyWatchedFolder: (folder) => deps.imports.setWatchedFolder(folder),
    }),
    getBootstrap: () => ({
      ...deps.appInfo,
      language: settings.get().language,
      logFilePath: logger.filePath,
      today: deps.clock.today(),
      isClockFixed: deps.isClockFixed,
    }),

    setLanguage: async ({ language }) => ({ language: (await settings.setLanguage(language)).language }),

    openExternalLink: async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        logger.warn('Refused to open an unsafe external link', { url });
        throw new KredoError('shell.unsafeUrl');
      }
      await desktop.openExternal(url);
      return { opened: true };
    },

    openLogFolder: async () => {
      const folder = path.dirname(logger.filePath);
      await desktop.openPath(folder);
      return { path: folder };
    },

    reportRendererError: ({ message, stack, source }) => {
      logger.error('Renderer error', { message, stack, source });
      return {};
    },
  };
}
