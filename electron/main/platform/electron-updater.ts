// electron-updater is CommonJS with `autoUpdater` behind a getter, which ES-module named imports cannot see.
import electronUpdater, { type AppUpdater } from 'electron-updater';
import { errorFields, type Logger } from '../services/logger';
import type { UpdateOffer, UpdaterPort } from '../updates/update-service';

/**
 * electron-updater (NSIS on Windows, Squirrel.Mac on macOS) behind the update service's port. The
 * `autoUpdater` getter builds the updater on first access, so nothing of it runs until the user turns
 * updates on. It is set up to ask first: no download by itself (`autoDownload`), no install on quit
 * (`autoInstallOnAppQuit`), no older or pre-release versions. It checks the installer's signature itself
 * (Windows: same publisher, `verifyUpdateCodeSignature`; macOS: same Developer ID).
 */
export function createElectronUpdater(logger: Logger): UpdaterPort {
  let instance: AppUpdater | undefined;
  const updater = (): AppUpdater => {
    if (instance) return instance;
    const created = electronUpdater.autoUpdater;
    created.autoDownload = false;
    created.autoInstallOnAppQuit = false;
    created.allowDowngrade = false;
    created.allowPrerelease = false;
    created.logger = {
      info: (message?: unknown) => logger.info(`Updater: ${String(message)}`),
      warn: (message?: unknown) => logger.warn(`Updater: ${String(message)}`),
      error: (message?: unknown) => logger.error(`Updater: ${String(message)}`),
      debug: (message: string) => logger.debug(`Updater: ${message}`),
    };
    // An EventEmitter's 'error' event without a listener would throw in the main process; the promise
    // that failed carries the same error to the update service.
    created.on('error', (error) => logger.warn('Updater error', errorFields(error)));
    instance = created;
    return created;
  };

  return {
    setFeedUrl: (url) => updater().setFeedURL({ provider: 'generic', url }),
    async check(): Promise<UpdateOffer | null> {
      const result = await updater().checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const info = result.updateInfo;
      return {
        version: info.version,
        releaseDate: info.releaseDate ?? null,
        // A generic feed carries the notes as text; a list (fullChangelog) is not shown.
        releaseNotes: typeof info.releaseNotes === 'string' ? info.releaseNotes : null,
      };
    },
    async download(onProgress) {
      const active = updater();
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      active.on('download-progress', listener);
      try {
        await active.downloadUpdate();
      } finally {
        active.off('download-progress', listener);
      }
    },
    // Not silent: the Windows installer shows its progress; run Kredo again once installed.
    quitAndInstall: () => updater().quitAndInstall(false, true),
  };
}
